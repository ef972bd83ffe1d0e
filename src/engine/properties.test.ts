/**
 * Properties that hold for every valid scenario: requests are never lost (conservation), runs
 * repeat exactly, slicing a run does not change it, and the seed's streams give common random
 * numbers across architectures. Scenarios are kept short so that many fit in a few seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThreadState } from './model.ts';
import { runToEnd } from './run.ts';
import { scenarioSchema, type Scenario } from './scenario/schema.ts';
import { MessageQueueServer } from './servers/messageQueue.ts';
import { Simulation } from './simulation.ts';
import { summarize, type RunSummary } from './summary.ts';
import { openMeasured } from './testScenario.ts';

const NUM_RUNS = 40;

/** A number with one decimal in [min, max]: readable counterexamples, no denormals. */
const tenths = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 10), max: Math.round(max * 10) }).map((n) => n / 10);

const distribution = (maxMs: number) =>
  fc.oneof(
    fc.record({ dist: fc.constant('constant' as const), value: tenths(0, maxMs) }),
    fc.record({ dist: fc.constant('exponential' as const), mean: tenths(0.1, maxMs) }),
    fc
      .tuple(tenths(0, maxMs), tenths(0, maxMs))
      .map(([a, b]) => ({ dist: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
    fc.record({
      dist: fc.constant('lognormal' as const),
      mean: tenths(0.1, maxMs),
      sd: tenths(0, maxMs),
    }),
  );

const rate = () => fc.integer({ min: 0, max: 250 });

const openLoad = fc.oneof(
  fc.record({ pattern: fc.constant('poisson' as const), ratePerSec: rate() }),
  fc.record({ pattern: fc.constant('constant' as const), ratePerSec: rate() }),
  fc.record({
    pattern: fc.constant('bursts' as const),
    ratePerSec: fc.integer({ min: 0, max: 80 }),
    burstRatePerSec: fc.integer({ min: 0, max: 400 }),
    burstEverySec: tenths(0.1, 2),
    burstLengthSec: tenths(0.1, 2),
  }),
  fc.record({
    pattern: fc.constant('ramp' as const),
    fromPerSec: rate(),
    toPerSec: rate(),
    rampSec: tenths(0.1, 3),
  }),
);

const closedLoad = fc.record({
  pattern: fc.constant('closed' as const),
  users: fc.integer({ min: 0, max: 25 }),
  thinkMs: distribution(200),
});

const anyLoad = fc.oneof(openLoad, closedLoad);

const threadPerConnection = fc.record({
  model: fc.constant('thread-per-connection' as const),
  threads: fc.integer({ min: 0, max: 8 }),
  backlog: fc.integer({ min: 0, max: 20 }),
  stopAfter: fc.option(fc.integer({ min: 1, max: 60 }), { freq: 4 }),
});

const messageQueue = fc.record({
  model: fc.constant('message-queue' as const),
  workers: fc.integer({ min: 0, max: 8 }),
  queueCapacity: fc.integer({ min: 0, max: 20 }),
  whenFull: fc.constantFrom('reject' as const, 'block' as const),
  backlog: fc.integer({ min: 0, max: 10 }),
  responseQueueCapacity: fc.integer({ min: 0, max: 5 }),
  sendMs: tenths(0, 5),
});

const retry = fc.record({
  attempts: fc.integer({ min: 1, max: 3 }),
  backoffMs: tenths(0, 50),
  multiplier: tenths(1, 3),
});

const machines = fc.record({
  count: fc.integer({ min: 0, max: 3 }),
  cores: fc.integer({ min: 1, max: 4 }),
  coreSpeed: tenths(0.5, 2),
});

const balancer = fc.constantFrom(
  'round-robin' as const,
  'random' as const,
  'least-connections' as const,
  'power-of-two' as const,
);

/** A live change that is valid for the given server model. */
function patch(model: Scenario['server']['model'], load: fc.Arbitrary<Scenario['load']>) {
  const server =
    model === 'thread-per-connection'
      ? fc.record(
          {
            threads: fc.integer({ min: 0, max: 8 }),
            backlog: fc.integer({ min: 0, max: 20 }),
            stopAfter: fc.option(fc.integer({ min: 1, max: 60 })),
          },
          { requiredKeys: [] },
        )
      : fc.record(
          {
            workers: fc.integer({ min: 0, max: 8 }),
            queueCapacity: fc.integer({ min: 0, max: 20 }),
            whenFull: fc.constantFrom('reject' as const, 'block' as const),
            backlog: fc.integer({ min: 0, max: 10 }),
            responseQueueCapacity: fc.integer({ min: 0, max: 5 }),
            sendMs: tenths(0, 5),
          },
          { requiredKeys: [] },
        );
  return fc.record(
    {
      load,
      request: fc.record({ cpuMs: distribution(30), ioMs: distribution(30) }, { requiredKeys: [] }),
      network: fc.record({ latencyMs: tenths(0, 20) }),
      timeoutMs: fc.option(tenths(1, 300)),
      retry: fc.option(retry),
      machines: fc.record(
        { count: fc.integer({ min: 0, max: 3 }), cores: fc.integer({ min: 1, max: 4 }) },
        { requiredKeys: [] },
      ),
      balancer,
      server,
      cpu: fc.record(
        { quantumMs: tenths(0.5, 20), contextSwitchMs: tenths(0, 1) },
        {
          requiredKeys: [],
        },
      ),
    },
    { requiredKeys: [] },
  );
}

interface Options {
  server?: fc.Arbitrary<Scenario['server']>;
  load?: fc.Arbitrary<Scenario['load']>;
}

/** A valid scenario of up to 2 s with up to 3 live changes. */
function scenario(options: Options = {}): fc.Arbitrary<Scenario> {
  const load = options.load ?? anyLoad;
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      durationSec: tenths(0.2, 2),
      warmupShare: fc.constantFrom(0, 0, 0.3),
      load,
      request: fc.record({ cpuMs: distribution(30), ioMs: distribution(30) }),
      network: fc.record({ latencyMs: tenths(0, 20) }),
      timeoutMs: fc.option(tenths(1, 300)),
      retry: fc.option(retry),
      machines,
      balancer,
      server: options.server ?? fc.oneof(threadPerConnection, messageQueue),
      cpu: fc.record({ quantumMs: tenths(0.5, 20), contextSwitchMs: tenths(0, 1) }),
    })
    .chain(({ warmupShare, ...s }) =>
      fc
        .array(
          fc.record({
            atShare: fc.double({ min: 0, max: 1, noNaN: true }),
            set: patch(s.server.model, load),
          }),
          { maxLength: 3 },
        )
        .map((changes) =>
          scenarioSchema.parse({
            version: 1,
            ...s,
            warmupSec: Math.round(warmupShare * s.durationSec * 10) / 10,
            changes: changes.map((c) => ({ atSec: c.atShare * s.durationSec, set: c.set })),
          }),
        ),
    );
}

/** The engine's bookkeeping agrees with itself: nothing negative, nothing lost. */
function expectConsistent(sim: Simulation): void {
  const total = sim.metrics.total;
  const settled = total.completed + total.dropped + total.timedOut;
  expect(total.arrived).toBe(settled + sim.openCount);
  if (sim.openRequests) expect(sim.openRequests.size).toBe(sim.openCount);
  for (const machine of sim.machines) {
    const cpu = machine.cpu;
    const holding = cpu.cores.filter((core) => core.thread !== null).length;
    expect(cpu.busy).toBe(holding);
    expect(machine.openConnections).toBeGreaterThanOrEqual(0);
    for (const thread of machine.threads) {
      expect(thread.state === ThreadState.running).toBe(thread.core !== null);
      if (thread.state !== ThreadState.idle) expect(thread.job).not.toBeNull();
    }
  }
  if (sim.server instanceof MessageQueueServer) {
    expect(sim.server.requestQueue.length).toBeGreaterThanOrEqual(0);
  }
}

function expectSummaryValid(summary: RunSummary, sim: Simulation): void {
  const { arrived, completed, dropped, timedOut, inFlight } = summary;
  expect(arrived).toBe(completed + dropped + timedOut + inFlight);
  expect(inFlight).toBe(openMeasured(sim));
  const reasons = Object.values(summary.dropsByReason);
  expect(reasons.reduce((a, b) => a + b, 0)).toBe(dropped);
  for (const count of [arrived, completed, dropped, timedOut, inFlight, ...reasons]) {
    expect(count).toBeGreaterThanOrEqual(0);
  }
  expect(summary.retries).toBeGreaterThanOrEqual(0);
  expect(summary.wastedJobs).toBeGreaterThanOrEqual(0);
  expect(summary.cpuUtilization).toBeGreaterThanOrEqual(0);
  expect(summary.cpuUtilization).toBeLessThanOrEqual(1 + 1e-9);
  expect(summary.latencyMs.p50).toBeLessThanOrEqual(summary.latencyMs.max);
  for (const value of [summary.throughputPerSec, summary.latencyMs.mean, summary.waitMs.mean]) {
    expect(Number.isFinite(value)).toBe(true);
  }
}

describe('Simulation properties', () => {
  it('Simulation keeps arrived = completed + dropped + timedOut + inFlight at every moment', () => {
    fc.assert(
      fc.property(scenario(), fc.array(fc.double({ min: 0, max: 1, noNaN: true })), (s, cuts) => {
        const sim = new Simulation(s);
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          sim.runUntil(cut * sim.durationMs);
          expectConsistent(sim);
        }
        sim.runUntil(sim.durationMs);
        expectConsistent(sim);
        expectSummaryValid(summarize(sim), sim);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('runToEnd returns identical summaries for runs of one scenario, whatever it records', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        const first = runToEnd(s).summary;
        expect(runToEnd(s).summary).toEqual(first);
        expect(runToEnd(s, { trackRequests: false, recordTransitions: true }).summary).toEqual(
          first,
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('Simulation.runUntil in many slices returns the summary of one run to the end', () => {
    fc.assert(
      fc.property(
        scenario(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (s, cuts) => {
          const sliced = new Simulation(s);
          for (const cut of [...cuts].sort((a, b) => a - b))
            sliced.runUntil(cut * sliced.durationMs);
          sliced.runUntil(sliced.durationMs);

          expect(summarize(sliced)).toEqual(runToEnd(s).summary);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('runToEnd with another seed returns a different summary', () => {
    const busy = scenario({
      load: fc.record({
        pattern: fc.constant('poisson' as const),
        ratePerSec: fc.integer({ min: 50, max: 250 }),
      }),
    }).filter((s) => s.durationSec >= 1 && s.machines.count > 0 && s.changes.length === 0);
    fc.assert(
      fc.property(busy, (s) => {
        const other = { ...s, seed: (s.seed + 1) % 2 ** 32 };
        expect(runToEnd(other).summary).not.toEqual(runToEnd(s).summary);
      }),
      { numRuns: NUM_RUNS, seed: 20_240_601 },
    );
  });

  it('runToEnd of one seed sends the same requests to both architectures', () => {
    const openOnly = fc
      .tuple(scenario({ load: openLoad, server: threadPerConnection }), messageQueue)
      .map(([s, mq]) => ({ tpc: s, mq: { ...s, server: mq, changes: withoutServer(s) } }));
    fc.assert(
      fc.property(openOnly, ({ tpc, mq }) => {
        const a = firstTries(tpc);
        const b = firstTries(mq);
        expect(b.arrived).toBe(a.arrived);
        expect(b.sentMs).toEqual(a.sentMs);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

/** The scripted changes without their server part, which belongs to one architecture. */
function withoutServer(s: Scenario): Scenario['changes'] {
  return s.changes.map(({ atSec, set }) => {
    const { server: _server, ...rest } = set;
    return { atSec, set: rest };
  });
}

/** Runs a scenario and returns when each request was first sent, by request id. */
function firstTries(s: Scenario): { arrived: number; sentMs: number[] } {
  const sim = new Simulation(s, { recordTransitions: true });
  const sentMs: number[] = [];
  // Drain often enough that the log's ring never overwrites an entry.
  for (let at = 0; !sim.finished; at += 50) {
    sim.runUntil(at);
    const t = sim.transitions!.drain();
    expect(t.lost).toBe(0);
    for (let i = 0; i < t.count; i++) {
      const id = t.requestId[i]!;
      if (t.kind[i] === 0 && sentMs[id] === undefined) sentMs[id] = t.timeMs[i]!;
    }
  }
  return { arrived: sim.metrics.total.arrived, sentMs };
}
