/**
 * The page's side of the engine worker: every call of the engine API, with its health watched.
 * Comlink leaves a call pending forever when its worker dies or hangs, so each call here has a
 * time limit, the worker's `error` and `messageerror` events are heard, and a heartbeat pings the
 * worker every second. A call that times out, a ping that is not answered, an error event, or an
 * exception thrown by the engine makes the client 'crashed' with a plain-language problem; from
 * then on calls fail at once instead of piling up. `restart` replaces the worker with a fresh one
 * and replays the last good scenario, its live changes and the speed.
 *
 * The worker factory and the timers are handed in, so tests drive all of this without a browser.
 */
import * as Comlink from 'comlink';
import { tunables } from '../engine/scenario/patch.ts';
import type { Patch, Scenario } from '../engine/scenario/schema.ts';
import type { EngineApi, Frame, History, Result, SelectTarget, Speed } from './protocol.ts';

export type EngineStatus = 'starting' | 'ready' | 'crashed' | 'restarting';

export interface EngineHealth {
  status: EngineStatus;
  problem: string | null;
}

/** A Worker, or anything that talks like one (a MessagePort in tests). */
export interface WorkerLike extends Comlink.Endpoint {
  terminate(): void;
}

export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface EngineClientOptions {
  createWorker?: () => WorkerLike;
  timers?: Timers;
  onHealth?: (health: EngineHealth) => void;
  /** Any call but a frame; generous, since loading a large scenario takes a moment. */
  callTimeoutMs?: number;
  /** A frame costs about 8 ms of engine time; one that takes this long is a hang. */
  frameTimeoutMs?: number;
  heartbeatMs?: number;
  /** A heartbeat that is not answered within this is a missed one. */
  heartbeatTimeoutMs?: number;
  /** Until a worker first answers, for fetching and starting its script on a slow machine. */
  startupTimeoutMs?: number;
}

/** A call made while the engine is down, or abandoned when it went down. */
export class EngineUnavailableError extends Error {
  override name = 'EngineUnavailableError';
}

/** The worker as Vite bundles it: a module worker beside this file. */
export function createEngineWorker(): WorkerLike {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

const browserTimers: Timers = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/**
 * The engine API as the page sees it: every method answers with a promise. Comlink's own
 * `Remote` type splits a method returning a union into a union of promises, which TypeScript
 * cannot await as one; the calls are the same.
 */
export type RemoteEngine = {
  [K in keyof EngineApi]: (
    ...args: Parameters<EngineApi[K]>
  ) => Promise<Awaited<ReturnType<EngineApi[K]>>>;
};

interface Connection {
  worker: WorkerLike;
  api: RemoteEngine;
  alive: boolean;
  answered: boolean;
  /** Rejects of the calls still waiting for an answer. */
  pending: Set<(error: Error) => void>;
  heartbeat: unknown;
  unlisten: () => void;
}

export class EngineClient {
  private readonly createWorker: () => WorkerLike;
  private readonly timers: Timers;
  private readonly onHealth: (health: EngineHealth) => void;
  private readonly callTimeoutMs: number;
  private readonly frameTimeoutMs: number;
  private readonly heartbeatMs: number;
  private readonly heartbeatTimeoutMs: number;
  private readonly startupTimeoutMs: number;
  private connection: Connection;
  private currentHealth: EngineHealth = { status: 'starting', problem: null };
  private loadedScenario: Scenario | null = null;
  private liveScenario: Scenario | null = null;
  private speed: Speed = 1;

  constructor(options: EngineClientOptions = {}) {
    this.createWorker = options.createWorker ?? createEngineWorker;
    this.timers = options.timers ?? browserTimers;
    this.onHealth = options.onHealth ?? (() => {});
    this.callTimeoutMs = options.callTimeoutMs ?? 5000;
    this.frameTimeoutMs = options.frameTimeoutMs ?? 3000;
    this.heartbeatMs = options.heartbeatMs ?? 1000;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 3000;
    this.startupTimeoutMs = options.startupTimeoutMs ?? 15_000;
    this.connection = this.connect();
  }

  get health(): EngineHealth {
    return this.currentHealth;
  }

  async load(scenario: unknown): Promise<Result<Scenario>> {
    const result = await this.call('load', (api) => api.load(scenario));
    if (result.ok) {
      this.loadedScenario = result.value;
      this.liveScenario = result.value;
    }
    return result;
  }

  async apply(patch: Patch): Promise<Result<Scenario>> {
    const result = await this.call('apply', (api) => api.apply(patch));
    if (result.ok) this.liveScenario = result.value;
    return result;
  }

  async reset(): Promise<void> {
    await this.call('reset', (api) => api.reset());
    this.liveScenario = this.loadedScenario;
  }

  async setSpeed(speed: Speed): Promise<void> {
    await this.call('setSpeed', (api) => api.setSpeed(speed));
    this.speed = speed;
  }

  play(): Promise<void> {
    return this.call('play', (api) => api.play());
  }

  pause(): Promise<void> {
    return this.call('pause', (api) => api.pause());
  }

  step(): Promise<number> {
    return this.call('step', (api) => api.step());
  }

  frame(wallNowMs: number): Promise<Frame> {
    return this.call('frame', (api) => api.frame(wallNowMs), this.frameTimeoutMs);
  }

  history(): Promise<History> {
    return this.call('history', (api) => api.history());
  }

  select(target: SelectTarget | null): Promise<void> {
    return this.call('select', (api) => api.select(target));
  }

  /**
   * A fresh worker with the last good scenario, its live changes and the speed; the run starts
   * again from time 0. Resolves with the scenario now running.
   */
  async restart(): Promise<Result<Scenario>> {
    this.close(this.connection, 'the engine was restarted');
    this.connection = this.connect();
    this.setHealth({ status: 'restarting', problem: null });
    const loaded = this.loadedScenario;
    const live = this.liveScenario;
    if (!loaded) return this.ready({ ok: false, errors: ['no scenario had been loaded'] });
    const result = await this.load(loaded);
    if (this.speed !== 1) await this.setSpeed(this.speed);
    if (!result.ok || !live || live === loaded) return this.ready(result);
    return this.ready(await this.apply(tunables(live)));
  }

  /** Stops the worker for good. */
  dispose(): void {
    this.close(this.connection, 'the engine was stopped');
  }

  private ready(result: Result<Scenario>): Result<Scenario> {
    if (this.connection.alive) this.setHealth({ status: 'ready', problem: null });
    return result;
  }

  private connect(): Connection {
    const worker = this.createWorker();
    const connection: Connection = {
      worker,
      api: Comlink.wrap<EngineApi>(worker),
      alive: true,
      answered: false,
      pending: new Set(),
      heartbeat: null,
      unlisten: () => {},
    };
    const onError = (event: Event) => this.fail(connection, crashProblem(event));
    const onMessageError = () =>
      this.fail(connection, 'The engine sent a message the page could not read.');
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onMessageError);
    connection.unlisten = () => {
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onMessageError);
    };
    this.scheduleHeartbeat(connection);
    return connection;
  }

  private scheduleHeartbeat(connection: Connection): void {
    connection.heartbeat = this.timers.setTimeout(() => {
      if (!connection.alive) return;
      this.callOn(connection, 'heartbeat', (api) => api.ping(), this.heartbeatTimeoutMs).then(
        () => this.scheduleHeartbeat(connection),
        () => {},
      );
    }, this.heartbeatMs);
  }

  private call<T>(
    name: string,
    run: (api: RemoteEngine) => Promise<T>,
    timeoutMs = this.callTimeoutMs,
  ): Promise<T> {
    return this.callOn(this.connection, name, run, timeoutMs);
  }

  private callOn<T>(
    connection: Connection,
    name: string,
    run: (api: RemoteEngine) => Promise<T>,
    timeoutMs: number,
  ): Promise<T> {
    if (!connection.alive) {
      const problem = this.currentHealth.problem ?? 'the engine is not running';
      return Promise.reject(new EngineUnavailableError(problem));
    }
    const limitMs = connection.answered ? timeoutMs : Math.max(timeoutMs, this.startupTimeoutMs);
    return new Promise<T>((resolve, reject) => {
      const abandon = (error: Error) => {
        this.timers.clearTimeout(timer);
        connection.pending.delete(abandon);
        reject(error);
      };
      const timer = this.timers.setTimeout(() => {
        const problem = hangProblem(name, limitMs);
        abandon(new EngineUnavailableError(problem));
        this.fail(connection, problem);
      }, limitMs);
      connection.pending.add(abandon);
      run(connection.api).then(
        (value) => {
          this.timers.clearTimeout(timer);
          connection.pending.delete(abandon);
          this.answered(connection);
          resolve(value);
        },
        (error: unknown) => {
          abandon(asError(error));
          this.fail(connection, `The engine failed: ${asError(error).message}`);
        },
      );
    });
  }

  private answered(connection: Connection): void {
    connection.answered = true;
    if (connection.alive && this.currentHealth.status === 'starting') {
      this.setHealth({ status: 'ready', problem: null });
    }
  }

  private fail(connection: Connection, problem: string): void {
    if (!connection.alive || connection !== this.connection) return;
    this.close(connection, problem);
    this.setHealth({ status: 'crashed', problem });
  }

  /** Ends a connection: its worker is terminated and its waiting calls fail now. */
  private close(connection: Connection, reason: string): void {
    if (!connection.alive) return;
    connection.alive = false;
    this.timers.clearTimeout(connection.heartbeat);
    connection.unlisten();
    connection.worker.terminate();
    for (const abandon of [...connection.pending]) abandon(new EngineUnavailableError(reason));
  }

  private setHealth(health: EngineHealth): void {
    this.currentHealth = health;
    this.onHealth(health);
  }
}

function hangProblem(name: string, limitMs: number): string {
  const seconds = `${limitMs / 1000} s`;
  if (name === 'heartbeat') return `The engine stopped answering (no heartbeat for ${seconds}).`;
  return `The engine stopped answering (a ${name} call took longer than ${seconds}).`;
}

function crashProblem(event: Event): string {
  const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
  return message
    ? `The engine crashed: ${message}`
    : 'The engine crashed or could not start (its script failed to load).';
}

function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return new Error(String(error.message));
  }
  return new Error(String(error));
}
