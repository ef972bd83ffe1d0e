import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from './scenario/schema.ts';
import { MessageQueueServer } from './servers/messageQueue.ts';
import { Simulation } from './simulation.ts';
import { summarize } from './summary.ts';
import { makeScenario, openMeasured, traceOf } from './testScenario.ts';
import { TransitionKind } from './transitions.ts';

const CPU_25 = { cpuMs: { dist: 'constant', value: 25 } } as const;

function simulate(overrides: Partial<ScenarioInput>): Simulation {
  return new Simulation(makeScenario(overrides), { recordTransitions: true });
}

/** Requests completed (since the start) in the window [fromMs, toMs]. */
function completedBetween(sim: Simulation, fromMs: number, toMs: number): number {
  sim.runUntil(fromMs);
  const before = sim.metrics.total.completed;
  sim.runUntil(toMs);
  return sim.metrics.total.completed - before;
}

describe('Simulation.apply', () => {
  it('Simulation.apply raising cores raises the throughput of a CPU-bound overload', () => {
    const sim = simulate({
      durationSec: 2,
      load: { pattern: 'constant', ratePerSec: 200 },
      request: { cpuMs: { dist: 'constant', value: 10 } },
      server: { model: 'thread-per-connection', threads: 8, backlog: 1000 },
    });
    const oneCore = completedBetween(sim, 500, 1000);
    sim.apply({ machines: { cores: 2 } });
    const twoCores = completedBetween(sim, 1500, 2000);

    expect(oneCore).toBeGreaterThanOrEqual(49);
    expect(oneCore).toBeLessThanOrEqual(51);
    expect(twoCores).toBeGreaterThanOrEqual(99);
    expect(twoCores).toBeLessThanOrEqual(101);
    expect(sim.machines[0]!.cpu.cores).toHaveLength(2);
  });

  it('Simulation.apply lowering machines serves the backlog, then removes the machine', () => {
    const sim = simulate({
      request: CPU_25,
      balancer: 'round-robin',
      machines: { count: 2, cores: 1, coreSpeed: 1 },
      server: { model: 'thread-per-connection', threads: 1, backlog: 5 },
    });
    sim.runUntil(100);
    const leaving = sim.machines[1]!;
    expect(leaving.backlog.length).toBe(1);
    sim.apply({ machines: { count: 1 } });

    expect(sim.machines).toHaveLength(2);
    expect(leaving.draining).toBe(true);
    traceOf(sim);
    sim.runUntil(1000);
    expect(sim.machines.map((m) => m.id)).toEqual([0]);
    const log = sim.transitions!.drain();
    const arrivedAt = Array.from(log.machine).filter(
      (_, i) => log.kind[i] === TransitionKind.arrived,
    );
    expect(new Set(arrivedAt)).toEqual(new Set([0]));
    const removed = Array.from(log.timeMs).filter(
      (_, i) => log.kind[i] === TransitionKind.machineRemoved,
    );
    expect(removed).toEqual([145]);
    const summary = summarize(sim);
    expect(summary.dropsByReason['nobody-listening']).toBe(0);
    expect(summary.inFlight).toBe(openMeasured(sim));
    expect(sim.metrics.total.completed).toBe(44);
  });

  it('Simulation.apply lowering message-queue machines removes them when empty', () => {
    const sim = simulate({
      load: { pattern: 'poisson', ratePerSec: 150 },
      request: { cpuMs: { dist: 'exponential', mean: 15 } },
      machines: { count: 3, cores: 1, coreSpeed: 1 },
      server: {
        model: 'message-queue',
        workers: 2,
        queueCapacity: 50,
        whenFull: 'block',
        backlog: 5,
      },
    });
    sim.runUntil(400);
    sim.apply({ machines: { count: 1 } });
    sim.runUntil(1000);

    expect(sim.machines).toHaveLength(1);
    expect(summarize(sim).inFlight).toBe(openMeasured(sim));
  });

  it('Simulation.apply raising machines again brings back a draining machine first', () => {
    const sim = simulate({
      request: CPU_25,
      balancer: 'round-robin',
      machines: { count: 2, cores: 1, coreSpeed: 1 },
      server: { model: 'thread-per-connection', threads: 1, backlog: 5 },
    });
    sim.runUntil(100);
    sim.apply({ machines: { count: 1 } });
    sim.apply({ machines: { count: 2 } });

    expect(sim.machines.map((m) => [m.id, m.draining])).toEqual([
      [0, false],
      [1, false],
    ]);
    expect(sim.machines[1]!.threads.every((t) => !t.exiting)).toBe(true);
  });

  it('Simulation.apply lowering threads lets busy threads finish their requests first', () => {
    const sim = simulate({
      durationSec: 0.3,
      request: { cpuMs: { dist: 'constant', value: 40 } },
      server: { model: 'thread-per-connection', threads: 4, backlog: 0 },
    });
    sim.runUntil(45);
    const threads = sim.machines[0]!.threads;
    expect(threads.map((t) => t.job?.request.id).sort()).toEqual([1, 2, 3, 4]);
    sim.apply({ server: { threads: 1 } });

    expect(threads).toHaveLength(4);
    expect(threads.filter((t) => t.exiting)).toHaveLength(3);
    sim.runUntil(300);
    expect(threads).toHaveLength(1);
    const firstFour = traceOf(sim, ['completed']).filter((l) => /r[1-4]$/.test(l));
    expect(firstFour).toHaveLength(4);
  });

  it('Simulation.apply raising threads starts connections waiting in the backlog at once', () => {
    const sim = simulate({
      durationSec: 0.2,
      request: CPU_25,
      machines: { count: 1, cores: 4, coreSpeed: 1 },
      server: { model: 'thread-per-connection', threads: 1, backlog: 10 },
    });
    sim.runUntil(55);
    const machine = sim.machines[0]!;
    expect(machine.backlog.length).toBe(3);
    sim.apply({ server: { threads: 4 } });

    expect(machine.backlog.length).toBe(0);
    expect(machine.threads.map((t) => t.job?.request.id).sort()).toEqual([2, 3, 4, 5]);
    expect(machine.cpu.busy).toBe(4);
  });

  it('Simulation.apply changing the rate changes the arrivals from that moment', () => {
    const sim = simulate({ durationSec: 2, machines: { count: 0, cores: 1, coreSpeed: 1 } });
    sim.runUntil(1000);
    sim.apply({ load: { pattern: 'constant', ratePerSec: 250 } });
    sim.runUntil(2000);

    expect(sim.metrics.total.arrived).toBe(100 + 250);
  });

  it('Simulation.apply with the load unchanged keeps the arrivals on their schedule', () => {
    const sim = simulate({ durationSec: 0.05 });
    sim.runUntil(15);
    sim.apply({ load: { pattern: 'constant', ratePerSec: 100 } });
    sim.runUntil(50);

    expect(traceOf(sim, ['sent'])).toEqual([
      '10 sent r1',
      '20 sent r2',
      '30 sent r3',
      '40 sent r4',
      '50 sent r5',
    ]);
  });

  it('Simulation.apply switching to closed users and back keeps sending', () => {
    const sim = simulate({ durationSec: 3 });
    sim.runUntil(1000);
    sim.apply({ load: { pattern: 'closed', users: 2, thinkMs: { dist: 'constant', value: 15 } } });
    const closed = completedBetween(sim, 1000, 2000);
    sim.apply({ load: { pattern: 'constant', ratePerSec: 50 } });
    const open = completedBetween(sim, 2000, 3000);

    // Two users with 15 ms of thought and 5 ms of work: one request per 20 ms each, less queueing.
    expect(closed).toBeGreaterThan(80);
    expect(closed).toBeLessThanOrEqual(100);
    expect(open).toBe(50);
  });

  it('Simulation.apply setting whenFull to block turns queue-full into backlog-full', () => {
    const sim = simulate({
      request: CPU_25,
      server: {
        model: 'message-queue',
        workers: 1,
        queueCapacity: 2,
        whenFull: 'reject',
        backlog: 3,
      },
    });
    sim.runUntil(500);
    const rejected = sim.metrics.total.dropsByReason['queue-full'];
    expect(rejected).toBeGreaterThan(10);
    sim.apply({ server: { whenFull: 'block' } });
    sim.runUntil(1000);

    const server = sim.server as MessageQueueServer;
    expect(sim.metrics.total.dropsByReason['queue-full']).toBe(rejected);
    expect(sim.metrics.total.dropsByReason['backlog-full']).toBeGreaterThan(10);
    expect(server.blockedPublishers.length).toBe(1);
    expect(sim.machines[0]!.backlog.length).toBe(3);
  });

  it('Simulation.apply raising the queue capacity lets a blocked publisher through', () => {
    const sim = simulate({
      request: CPU_25,
      server: {
        model: 'message-queue',
        workers: 1,
        queueCapacity: 1,
        whenFull: 'block',
        backlog: 3,
      },
    });
    sim.runUntil(200);
    const server = sim.server as MessageQueueServer;
    expect(server.blockedPublishers.length).toBe(1);
    sim.apply({ server: { queueCapacity: 100 } });

    expect(server.blockedPublishers.length).toBe(0);
    expect(sim.machines[0]!.backlog.length).toBe(0);
    expect(server.requestQueue.length).toBe(5);
  });

  it('Simulation.apply changing the work changes it for requests sent afterwards', () => {
    const sim = simulate({ durationSec: 0.1 });
    sim.runUntil(50);
    traceOf(sim);
    sim.apply({ request: { cpuMs: { dist: 'constant', value: 2 } } });
    sim.runUntil(100);

    expect(traceOf(sim, ['completed'])).toEqual([
      '55 completed r5',
      '62 completed r6',
      '72 completed r7',
      '82 completed r8',
      '92 completed r9',
    ]);
  });

  it('Simulation runs scripted changes at their time', () => {
    const sim = simulate({
      durationSec: 2,
      load: { pattern: 'constant', ratePerSec: 200 },
      request: { cpuMs: { dist: 'constant', value: 10 } },
      server: { model: 'thread-per-connection', threads: 8, backlog: 1000 },
      changes: [
        { atSec: 1, set: { machines: { cores: 2 } } },
        { atSec: 1.5, set: { network: { latencyMs: 3 } } },
      ],
    });
    sim.runUntil(999);
    expect(sim.machines[0]!.cpu.cores).toHaveLength(1);
    sim.runUntil(1000);

    expect(sim.machines[0]!.cpu.cores).toHaveLength(2);
    expect(sim.config.network.latencyMs).toBe(0);
    sim.runUntil(1500);
    expect(sim.config.network.latencyMs).toBe(3);
  });

  it('Simulation.apply changing the core speed charges work done so far at the old speed', () => {
    const sim = simulate({ durationSec: 0.1, request: { cpuMs: { dist: 'constant', value: 30 } } });
    sim.runUntil(20);
    sim.apply({ machines: { coreSpeed: 2 } });
    sim.runUntil(100);

    // r1: 10 ms of work at speed 1, the other 20 at speed 2 take 10 ms more.
    expect(traceOf(sim, ['completed'])[0]).toBe('30 completed r1');
  });

  it('Simulation.apply throws on a patch that would make the scenario invalid', () => {
    const sim = simulate({});

    expect(() => sim.apply({ server: { workers: 2 } })).toThrow(/server: unknown field 'workers'/);
    expect(sim.config.server).toEqual(makeScenario().server);
  });
});
