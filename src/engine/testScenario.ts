/**
 * Helpers for the engine's tests: a small, deterministic scenario to start from, and the
 * transition log written as short lines ("35 completed r1") so that a test can compare a whole
 * trace with what a person works out by hand.
 */
import { DROP_REASONS } from './model.ts';
import { scenarioSchema, type Scenario, type ScenarioInput } from './scenario/schema.ts';
import type { Simulation } from './simulation.ts';
import { TransitionKind } from './transitions.ts';

/** One machine, one core, one thread; a request every 10 ms needing 5 ms of CPU, for 1 s. */
export function makeScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return scenarioSchema.parse({
    version: 1,
    seed: 1,
    durationSec: 1,
    load: { pattern: 'constant', ratePerSec: 100 },
    request: { cpuMs: { dist: 'constant', value: 5 } },
    machines: { count: 1, cores: 1, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 1, backlog: 10 },
    ...overrides,
  });
}

const KIND_NAMES = Object.fromEntries(Object.entries(TransitionKind).map(([k, v]) => [v, k]));

/** The transitions since the last call, as "time kind request [reason]" lines. */
export function traceOf(sim: Simulation, kinds?: (keyof typeof TransitionKind)[]): string[] {
  const t = sim.transitions!.drain();
  const lines: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const kind = KIND_NAMES[t.kind[i]!]!;
    if (kinds && !kinds.includes(kind as keyof typeof TransitionKind)) continue;
    const reason = t.reason[i]! >= 0 ? ` ${DROP_REASONS[t.reason[i]!]}` : '';
    const who = t.requestId[i]! >= 0 ? ` r${t.requestId[i]}` : ` m${t.machine[i]}`;
    lines.push(`${t.timeMs[i]} ${kind}${who}${reason}`);
  }
  return lines;
}

/** How many unsettled requests were sent in the measured window. */
export function openMeasured(sim: Simulation): number {
  let n = 0;
  for (const request of sim.openRequests?.values() ?? []) if (request.measured) n++;
  return n;
}
