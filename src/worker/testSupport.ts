/**
 * Test support for the worker and the page's state: small scenarios, a manual clock, manual
 * timers, and a stand-in for a Web Worker made of a MessageChannel, with the engine service
 * exposed on its far end exactly as the real worker exposes it. The stand-in can fall silent
 * (a hung worker) or raise an `error` event (a crashed one). Used by tests only.
 */
import * as Comlink from 'comlink';
import type { ScenarioInput, Scenario } from '../engine/scenario/schema.ts';
import { parseScenario } from '../engine/scenario/validate.ts';
import type { Timers, WorkerLike } from './client.ts';
import { EngineService, type EngineServiceOptions } from './engineService.ts';
import { transferringApi } from './expose.ts';

type Overrides = Partial<Omit<ScenarioInput, 'version'>>;

/** One machine of 2 cores and 4 threads at a light Poisson load, for 60 s. */
export function tpcScenario(overrides: Overrides = {}): Scenario {
  return parsed({
    version: 1,
    seed: 5,
    durationSec: 60,
    load: { pattern: 'poisson', ratePerSec: 50 },
    request: { cpuMs: { dist: 'exponential', mean: 10 } },
    machines: { count: 1, cores: 2, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 4, backlog: 100 },
    ...overrides,
  });
}

/** Two machines of 2 workers each, pulling from one queue of 100. */
export function mqScenario(overrides: Overrides = {}): Scenario {
  return parsed({
    version: 1,
    seed: 9,
    durationSec: 60,
    load: { pattern: 'poisson', ratePerSec: 100 },
    request: { cpuMs: { dist: 'exponential', mean: 10 } },
    machines: { count: 2, cores: 2, coreSpeed: 1 },
    server: {
      model: 'message-queue',
      workers: 2,
      queueCapacity: 100,
      whenFull: 'reject',
      backlog: 50,
    },
    ...overrides,
  });
}

function parsed(input: ScenarioInput): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.value;
}

/** A wall clock that moves only when told, optionally by a fixed step on every reading. */
export class ManualClock {
  constructor(
    public nowMs = 0,
    public stepPerReadMs = 0,
  ) {}

  readonly now = (): number => {
    const t = this.nowMs;
    this.nowMs += this.stepPerReadMs;
    return t;
  };
}

/** Timers that fire only when `advance` moves their clock past them. */
export class ManualTimers implements Timers {
  nowMs = 0;
  private nextId = 1;
  private readonly due = new Map<number, { atMs: number; callback: () => void }>();

  setTimeout(callback: () => void, delayMs: number): number {
    const id = this.nextId++;
    this.due.set(id, { atMs: this.nowMs + delayMs, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  get pending(): number {
    return this.due.size;
  }

  /** When the next timer falls due, or Infinity. */
  get nextDueMs(): number {
    return Math.min(...[...this.due.values()].map((t) => t.atMs));
  }

  /** Moves the clock, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const endMs = this.nowMs + ms;
    for (;;) {
      const next = [...this.due.entries()]
        .filter(([, t]) => t.atMs <= endMs)
        .sort((a, b) => a[1].atMs - b[1].atMs || a[0] - b[0])[0];
      if (!next) break;
      this.due.delete(next[0]);
      this.nowMs = next[1].atMs;
      next[1].callback();
    }
    this.nowMs = endMs;
  }
}

export interface PortWorker extends WorkerLike {
  readonly service: EngineService;
  /** Messages to the worker are dropped from now on, as if it hung. */
  silent: boolean;
  terminated: boolean;
  /** Raises an `error` event, as a worker whose script threw at the top level does. */
  crash(message: string): void;
}

/** A worker stand-in: the engine service exposed on the far end of a MessageChannel. */
export function portWorker(options: EngineServiceOptions = { now: () => 0 }): PortWorker {
  const { port1, port2 } = new MessageChannel();
  const service = new EngineService(options);
  Comlink.expose(transferringApi(service), port2);
  const events = new EventTarget();
  const worker: PortWorker = {
    service,
    silent: false,
    terminated: false,
    postMessage(message: unknown, transfer?: Transferable[]) {
      if (!worker.silent && !worker.terminated) port1.postMessage(message, transfer ?? []);
    },
    addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      if (type === 'message') port1.addEventListener(type, listener);
      else events.addEventListener(type, listener);
    },
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      if (type === 'message') port1.removeEventListener(type, listener);
      else events.removeEventListener(type, listener);
    },
    start: () => port1.start(),
    terminate() {
      worker.terminated = true;
      port1.close();
      port2.close();
    },
    crash(message: string) {
      const event = new Event('error');
      Object.defineProperty(event, 'message', { value: message });
      events.dispatchEvent(event);
    },
  };
  return worker;
}
