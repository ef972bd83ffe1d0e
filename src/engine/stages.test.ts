import { describe, expect, it } from 'vitest';
import { JobStage, ThreadState } from './model.ts';
import { Simulation } from './simulation.ts';
import { stageCounts, stageCountsByName } from './stages.ts';
import { makeScenario } from './testScenario.ts';

const sum = (a: Int32Array) => a.reduce((x, y) => x + y, 0);

describe('stageCounts', () => {
  it('stageCounts adds up to the open requests at every moment, in both architectures', () => {
    const models = [
      { model: 'thread-per-connection' as const, threads: 6, backlog: 30 },
      {
        model: 'message-queue' as const,
        workers: 3,
        queueCapacity: 20,
        whenFull: 'block' as const,
        backlog: 10,
        sendMs: 2,
        responseQueueCapacity: 3,
      },
    ];
    for (const server of models) {
      const sim = new Simulation(
        makeScenario({
          durationSec: 20,
          load: { pattern: 'poisson', ratePerSec: 700 },
          request: {
            cpuMs: { dist: 'exponential', mean: 4 },
            ioMs: { dist: 'constant', value: 3 },
          },
          network: { latencyMs: 4 },
          machines: { count: 2, cores: 2, coreSpeed: 1 },
          server,
        }),
      );
      for (let t = 50; t <= 20_000; t += 97) {
        sim.runUntil(t);
        const counts = stageCounts(sim);
        expect(sum(counts)).toBe(sim.openCount);
        const running = sim.machines
          .flatMap((m) => m.threads)
          .filter((th) => th.state === ThreadState.running);
        expect(counts[JobStage.running]).toBe(running.length);
      }
    }
  });

  it('stageCountsByName names every stage', () => {
    const sim = new Simulation(makeScenario());
    sim.runUntil(500);
    const byName = stageCountsByName(sim);
    expect(Object.keys(byName)).toContain('waitingToPush');
    expect(Object.values(byName).reduce((a, b) => a + b, 0)).toBe(sim.openCount);
  });
});
