import { describe, expect, it } from 'vitest';
import { JobStage, ThreadState } from '../model.ts';
import type { MessageQueue } from '../scenario/schema.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';
import { makeScenario, openMeasured, traceOf } from '../testScenario.ts';
import { MessageQueueServer } from './messageQueue.ts';

const CPU_25 = { cpuMs: { dist: 'constant', value: 25 } } as const;

function queueServer(config: Partial<MessageQueue>) {
  return {
    model: 'message-queue',
    workers: 1,
    queueCapacity: 1,
    whenFull: 'reject',
    backlog: 0,
    ...config,
  } as const;
}

function serverOf(sim: Simulation): MessageQueueServer {
  if (!(sim.server instanceof MessageQueueServer)) throw new Error('not a message queue');
  return sim.server;
}

describe('MessageQueueServer', () => {
  it('with whenFull reject drops a request that finds the queue full: queue-full', () => {
    const sim = new Simulation(
      makeScenario({ durationSec: 0.1, request: CPU_25, server: queueServer({}) }),
      { recordTransitions: true },
    );
    sim.runUntil(100);

    expect(traceOf(sim, ['started', 'completed', 'dropped'])).toEqual([
      '10 started r1',
      '30 dropped r3 queue-full',
      '35 completed r1',
      '35 started r2',
      '50 dropped r5 queue-full',
      '60 completed r2',
      '60 started r4',
      '70 dropped r7 queue-full',
      '80 dropped r8 queue-full',
      '85 completed r4',
      '85 started r6',
      '100 dropped r10 queue-full',
    ]);
  });

  it('with whenFull block holds the publisher, fills the backlog, then drops: backlog-full', () => {
    const sim = new Simulation(
      makeScenario({
        durationSec: 0.1,
        request: CPU_25,
        server: queueServer({ whenFull: 'block', backlog: 1 }),
      }),
      { recordTransitions: true },
    );
    sim.runUntil(45);

    const machine = sim.machines[0]!;
    expect(machine.pendingPublish?.request.id).toBe(4);
    expect(machine.pendingPublish?.stage).toBe(JobStage.publishing);
    expect(serverOf(sim).blockedPublishers.length).toBe(1);
    sim.runUntil(100);
    expect(traceOf(sim, ['started', 'completed', 'dropped'])).toEqual([
      '10 started r1',
      '35 completed r1',
      '35 started r2',
      '60 completed r2',
      '60 started r3',
      '70 dropped r7 backlog-full',
      '80 dropped r8 backlog-full',
      '85 completed r3',
      '85 started r4',
      '100 dropped r10 backlog-full',
    ]);
    expect(summarize(sim).dropsByReason['queue-full']).toBe(0);
  });

  it('makes a worker wait to push when the response queue is full and the sender is busy', () => {
    const scenario = makeScenario({
      durationSec: 0.2,
      load: { pattern: 'closed', users: 3, thinkMs: { dist: 'constant', value: 0 } },
      request: { cpuMs: { dist: 'constant', value: 10 } },
      machines: { count: 1, cores: 3, coreSpeed: 1 },
      server: queueServer({ workers: 3, queueCapacity: 10, sendMs: 30, responseQueueCapacity: 1 }),
    });
    const sim = new Simulation(scenario, { recordTransitions: true });
    sim.runUntil(20);

    const threads = sim.machines[0]!.threads;
    const server = serverOf(sim);
    expect(threads.map((t) => t.state)).toEqual([
      ThreadState.idle,
      ThreadState.idle,
      ThreadState.waitingToPush,
    ]);
    expect(threads[2]!.job?.stage).toBe(JobStage.waitingToPush);
    expect(server.blockedPushers.at(0)).toBe(threads[2]);
    expect(server.sending?.request.id).toBe(1);
    expect(server.responseQueue.at(0)?.request.id).toBe(2);

    sim.runUntil(45);
    expect(server.blockedPushers.length).toBe(0);
    expect(threads[2]!.state).toBe(ThreadState.idle);
    sim.runUntil(200);
    expect(traceOf(sim, ['completed'])).toEqual([
      '40 completed r1',
      '70 completed r2',
      '100 completed r3',
      '130 completed r4',
      '160 completed r5',
      '190 completed r6',
    ]);
  });

  it('serves one queue with the workers of all machines: two of 10 ms do 198 in 1 s', () => {
    const scenario = makeScenario({
      durationSec: 1,
      load: { pattern: 'constant', ratePerSec: 300 },
      request: { cpuMs: { dist: 'constant', value: 10 } },
      machines: { count: 2, cores: 1, coreSpeed: 1 },
      balancer: 'round-robin',
      server: queueServer({ queueCapacity: 5 }),
    });
    const sim = new Simulation(scenario);
    sim.runUntil(1000);

    // Two workers of 10 ms each serve 200 a second between them, starting at 3.3 and 6.7 ms.
    const summary = summarize(sim);
    expect(summary.completed).toBe(198);
    expect(sim.machines.map((m) => m.threads[0]!.served)).toEqual([99, 99]);
    expect(summary.dropsByReason['queue-full']).toBe(summary.dropped);
  });

  it('lets a machine added later take messages that another machine accepted', () => {
    const scenario = makeScenario({
      durationSec: 1,
      load: { pattern: 'constant', ratePerSec: 200 },
      request: { cpuMs: { dist: 'constant', value: 10 } },
      server: queueServer({ queueCapacity: 1000 }),
    });
    const sim = new Simulation(scenario);
    sim.runUntil(300);

    expect(serverOf(sim).requestQueue.length).toBeGreaterThan(20);
    sim.apply({ machines: { count: 2 } });
    const newcomer = sim.machines[1]!.threads[0]!;
    expect(newcomer.job?.machine).toBe(sim.machines[0]);
    sim.runUntil(1000);
    expect(summarize(sim).inFlight).toBe(openMeasured(sim));
  });
});
