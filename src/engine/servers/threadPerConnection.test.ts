import { describe, expect, it } from 'vitest';
import { ThreadState } from '../model.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { makeScenario, traceOf } from '../testScenario.ts';

const CPU_25 = { cpuMs: { dist: 'constant', value: 25 } } as const;

function simulate(overrides: Parameters<typeof makeScenario>[0]): Simulation {
  return new Simulation(makeScenario(overrides), { recordTransitions: true });
}

describe('ThreadPerConnectionServer', () => {
  it('drops a connection that finds the backlog full, as worked out by hand', () => {
    const sim = simulate({
      durationSec: 0.1,
      request: CPU_25,
      server: { model: 'thread-per-connection', threads: 1, backlog: 1 },
    });
    sim.runUntil(100);

    expect(traceOf(sim, ['started', 'completed', 'dropped'])).toEqual([
      '10 started r1',
      '30 dropped r3 backlog-full',
      '35 completed r1',
      '35 started r2',
      '50 dropped r5 backlog-full',
      '60 completed r2',
      '60 started r4',
      '70 dropped r7 backlog-full',
      '80 dropped r8 backlog-full',
      '85 completed r4',
      '85 started r6',
      '100 dropped r10 backlog-full',
    ]);
    const summary = summarize(sim);
    expect([summary.arrived, summary.completed, summary.dropped, summary.inFlight]).toEqual([
      10, 3, 5, 2,
    ]);
    expect(summary.dropsByReason['backlog-full']).toBe(5);
    expect(summary.cpuUtilization).toBeCloseTo(0.9, 12);
  });

  it('gives a new connection to an idle thread before the backlog', () => {
    const sim = simulate({
      durationSec: 0.05,
      request: CPU_25,
      machines: { count: 1, cores: 2, coreSpeed: 1 },
      server: { model: 'thread-per-connection', threads: 2, backlog: 0 },
    });
    sim.runUntil(50);

    expect(traceOf(sim, ['started', 'completed', 'dropped'])).toEqual([
      '10 started r1',
      '20 started r2',
      '30 dropped r3 backlog-full',
      '35 completed r1',
      '40 started r4',
      '45 completed r2',
      '50 started r5',
    ]);
  });

  it('with stopAfter 1 answers once, then drops the rest as nobody-listening', () => {
    const sim = simulate({
      durationSec: 0.05,
      request: CPU_25,
      server: { model: 'thread-per-connection', threads: 1, backlog: 5, stopAfter: 1 },
    });
    sim.runUntil(50);

    expect(traceOf(sim, ['completed', 'dropped'])).toEqual([
      '35 completed r1',
      '35 dropped r2 nobody-listening',
      '35 dropped r3 nobody-listening',
      '40 dropped r4 nobody-listening',
      '50 dropped r5 nobody-listening',
    ]);
    expect(sim.machines[0]!.listening).toBe(false);
    expect(sim.machines[0]!.threads[0]!.state).toBe(ThreadState.idle);
  });

  it('with no machines refuses every request as nobody-listening', () => {
    const sim = simulate({ durationSec: 0.03, machines: { count: 0, cores: 1, coreSpeed: 1 } });
    sim.runUntil(30);

    expect(traceOf(sim, ['dropped'])).toEqual([
      '10 dropped r1 nobody-listening',
      '20 dropped r2 nobody-listening',
      '30 dropped r3 nobody-listening',
    ]);
    expect(summarize(sim).dropsByReason['nobody-listening']).toBe(3);
  });

  it('with 0 threads keeps connections in the backlog until it is full', () => {
    const sim = simulate({
      durationSec: 0.05,
      server: { model: 'thread-per-connection', threads: 0, backlog: 2 },
    });
    sim.runUntil(50);

    expect(traceOf(sim, ['started', 'dropped'])).toEqual([
      '30 dropped r3 backlog-full',
      '40 dropped r4 backlog-full',
      '50 dropped r5 backlog-full',
    ]);
    expect(sim.machines[0]!.backlog.length).toBe(2);
  });

  it('takes the oldest connection from the backlog when a thread frees up', () => {
    const sim = simulate({
      durationSec: 0.2,
      load: { pattern: 'constant', ratePerSec: 200 },
      request: CPU_25,
      server: { model: 'thread-per-connection', threads: 1, backlog: 100 },
    });
    sim.runUntil(200);

    const started = traceOf(sim, ['started']).map((line) => line.split(' ')[2]);
    expect(started).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8']);
  });
});
