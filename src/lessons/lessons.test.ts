/**
 * Every lesson's claims, checked against the engine: each test runs the scenario that a step
 * sets up and checks what the step's text says the learner will see. The runs are seeded, and
 * each margin was checked against other seeds, so the claims hold by a distance, not by luck.
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../engine/run.ts';
import { Simulation as Sim, type Simulation } from '../engine/simulation.ts';
import { ThreadState } from '../engine/model.ts';
import { MessageQueueServer } from '../engine/servers/messageQueue.ts';
import { summarize, type RunSummary } from '../engine/summary.ts';
import { LESSONS, lessonById } from './catalogue.ts';
import { scenarioAtStep } from './steps.ts';
import { mergePatch, tunables } from '../engine/scenario/patch.ts';

function lesson(id: string) {
  const found = lessonById(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

function runStep(id: string, step: number): { sim: Simulation; summary: RunSummary } {
  return runToEnd(scenarioAtStep(lesson(id), step).scenario);
}

function series(sim: Simulation) {
  return sim.metrics.series.toColumns();
}

describe('the catalogue', () => {
  it('has nine lessons, each with two to four steps and a valid scenario at every step', () => {
    expect(LESSONS).toHaveLength(9);
    for (const l of LESSONS) {
      expect(l.steps.length).toBeGreaterThanOrEqual(2);
      expect(l.steps.length).toBeLessThanOrEqual(4);
      l.steps.forEach((_, k) => expect(() => scenarioAtStep(l, k)).not.toThrow());
    }
  });

  it('gives every lesson a unique id', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
  });

  it('tunables(scenarioAtStep) applied live reaches the same configuration as the step', () => {
    for (const l of LESSONS) {
      l.steps.forEach((_, k) => {
        const { scenario } = scenarioAtStep(l, k);
        const base = scenarioAtStep(l, 0).scenario;
        if (base.server.model !== scenario.server.model) return;
        const merged = mergePatch(base, tunables(scenario));
        expect(tunables(merged)).toEqual(tunables(scenario));
      });
    }
  });
});

describe('1. a program and a service', () => {
  it('a program answers one request; everyone after finds nobody listening', () => {
    const { summary } = runStep('program-and-service', 0);
    expect(summary.completed).toBe(1);
    expect(summary.dropsByReason['nobody-listening']).toBe(summary.arrived - 1 - summary.inFlight);
  });

  it('a service answers every request at the arrival rate, about 140 ms each', () => {
    const { summary } = runStep('program-and-service', 1);
    expect(summary.dropped).toBe(0);
    expect(summary.throughputPerSec).toBeCloseTo(2, 1);
    expect(summary.latencyMs.mean).toBeCloseTo(140, 5);
  });

  it('a program made a service while running starts answering again', () => {
    const sim = new Sim(scenarioAtStep(lesson('program-and-service'), 0).scenario);
    sim.runUntil(30_000);
    const before = sim.metrics.total.completed;
    sim.apply({ server: { stopAfter: null } });
    sim.runUntil(60_000);
    expect(before).toBe(1);
    expect(sim.metrics.total.completed).toBeGreaterThan(55);
  });
});

describe('2. many copies', () => {
  const [one, four, sixteen] = [0, 1, 2].map((k) => runStep('many-copies', k).summary);

  it('four threads on four cores give about four times the throughput of one', () => {
    expect(one!.throughputPerSec).toBeGreaterThan(45);
    expect(one!.throughputPerSec).toBeLessThan(55);
    expect(four!.throughputPerSec / one!.throughputPerSec).toBeGreaterThan(3.6);
    expect(one!.cpuUtilization).toBeGreaterThan(0.99);
  });

  it('sixteen threads on four cores add no throughput but add latency', () => {
    expect(Math.abs(sixteen!.throughputPerSec / four!.throughputPerSec - 1)).toBeLessThan(0.03);
    expect(sixteen!.latencyMs.mean).toBeGreaterThan(four!.latencyMs.mean * 1.3);
  });
});

describe('3. nobody free to listen', () => {
  const burst = runStep('nobody-free', 0);
  const longer = runStep('nobody-free', 1).summary;

  it('bursts fill the backlog and drop connections as backlog-full', () => {
    expect(burst.summary.dropRate).toBeGreaterThan(0.1);
    expect(burst.summary.dropsByReason['backlog-full']).toBe(burst.summary.dropped);
  });

  it('the drops happen in the bursts', () => {
    const s = series(burst.sim);
    let inBurst = 0;
    let all = 0;
    s.timeMs.forEach((t, i) => {
      const drops = s.dropped[i]!;
      all += drops;
      // A point covers (t - 1 s, t]: bursts are the first 2 s of every 10 s.
      if ((t - 1000) % 10_000 < 2_000) inBurst += drops;
    });
    expect(inBurst / all).toBeGreaterThan(0.95);
  });

  it('a longer backlog drops far less, and p99 latency climbs', () => {
    expect(longer.dropped).toBeLessThan(burst.summary.dropped / 3);
    expect(longer.latencyMs.p99).toBeGreaterThan(burst.summary.latencyMs.p99 * 4);
  });
});

describe('4. adding a message queue', () => {
  const tpc = runStep('nobody-free', 0).summary;
  const queued = runStep('adding-a-queue', 0);
  const small = runStep('adding-a-queue', 1).summary;
  const withSender = runStep('adding-a-queue', 2);

  it('the same requests through a queue are all answered', () => {
    expect(queued.summary.arrived).toBe(tpc.arrived);
    expect(tpc.dropped).toBeGreaterThan(1000);
    expect(queued.summary.dropped).toBe(0);
  });

  it('the queue swells in the bursts and drains between them', () => {
    const s = series(queued.sim);
    expect(Math.max(...s.requestQueue)).toBeGreaterThan(200);
    const quiet = s.requestQueue.filter((_, i) => (s.timeMs[i]! - 1000) % 10_000 >= 8_000);
    expect(Math.min(...quiet)).toBe(0);
  });

  it('a small queue rejects with queue-full', () => {
    expect(small.dropped).toBeGreaterThan(1000);
    expect(small.dropsByReason['queue-full']).toBe(small.dropped);
  });

  it('responses pass through the response queue when the sender takes time', () => {
    const s = series(withSender.sim);
    expect(Math.max(...s.responseQueue)).toBeGreaterThan(0);
    expect(withSender.summary.dropped).toBe(0);
  });
});

describe('5. the service thread', () => {
  it('workers at rest wait at pop and the queues stay short', () => {
    const sim = new Sim(scenarioAtStep(lesson('service-thread'), 0).scenario);
    let waitingAtPop = 0;
    let samples = 0;
    for (let t = 10_000; t <= 60_000; t += 50) {
      sim.runUntil(t);
      for (const thread of sim.machines[0]!.threads) {
        samples++;
        if (thread.state === ThreadState.idle) waitingAtPop++;
      }
    }
    expect(waitingAtPop / samples).toBeGreaterThan(0.6);
    expect(summarize(sim).dropped).toBe(0);
  });

  it('a slow sender makes workers wait at push, the acceptor block, and the backlog drop', () => {
    const sim = new Sim(scenarioAtStep(lesson('service-thread'), 1).scenario);
    const mq = sim.server as MessageQueueServer;
    let sawPushWait = false;
    let sawBlockedAcceptor = false;
    for (let t = 10_000; t <= sim.durationMs; t += 100) {
      sim.runUntil(t);
      sawPushWait ||= sim.machines[0]!.threads.some((th) => th.state === ThreadState.waitingToPush);
      sawBlockedAcceptor ||= mq.blockedPublishers.length > 0;
    }
    const summary = summarize(sim);
    expect(sawPushWait).toBe(true);
    expect(sawBlockedAcceptor).toBe(true);
    expect(summary.dropsByReason['backlog-full']).toBe(summary.dropped);
    expect(summary.dropped).toBeGreaterThan(1000);
    // The sender sends one response per 6 ms: about 166 a second.
    expect(summary.throughputPerSec).toBeGreaterThan(160);
    expect(summary.throughputPerSec).toBeLessThan(170);
  });
});

describe('6. concurrency on one core', () => {
  const [one, eight, many] = [0, 1, 2].map((k) => runStep('one-core', k).summary);

  it('one thread leaves the core idle most of the time', () => {
    expect(one!.cpuUtilization).toBeLessThan(0.1);
    expect(one!.throughputPerSec).toBeGreaterThan(20);
    expect(one!.throughputPerSec).toBeLessThan(26);
  });

  it('eight threads give about eight times the throughput on the same core', () => {
    expect(eight!.throughputPerSec / one!.throughputPerSec).toBeGreaterThan(7);
    expect(eight!.cpuUtilization).toBeLessThan(0.5);
  });

  it('many threads give at least four times the throughput of one, and answer everything', () => {
    expect(many!.throughputPerSec).toBeGreaterThan(4 * one!.throughputPerSec);
    expect(many!.dropped).toBe(0);
  });
});

describe('7. vertical scaling', () => {
  const [two, eight, faster, idleCores] = [0, 1, 2, 3].map(
    (k) => runStep('vertical-scaling', k).summary,
  );

  it('two cores saturate and drop about half', () => {
    expect(two!.cpuUtilization).toBeGreaterThan(0.99);
    expect(two!.dropRate).toBeGreaterThan(0.4);
  });

  it('eight cores answer everything with CPU to spare', () => {
    expect(eight!.dropped).toBe(0);
    expect(eight!.cpuUtilization).toBeLessThan(0.6);
  });

  it('faster cores cut latency, but not below the I/O time', () => {
    expect(faster!.latencyMs.mean).toBeLessThan(eight!.latencyMs.mean * 0.85);
    expect(faster!.latencyMs.p50).toBeGreaterThanOrEqual(10);
  });

  it('cores beyond the threads sit idle', () => {
    expect(idleCores!.cpuUtilization).toBeLessThan(0.1);
    expect(idleCores!.dropRate).toBeGreaterThan(0.4);
  });
});

describe('8. horizontal scaling', () => {
  const [one, random, least, pulled] = [0, 1, 2, 3].map(
    (k) => runStep('horizontal-scaling', k).summary,
  );

  it('one machine drops most; four meet the load', () => {
    expect(one!.dropRate).toBeGreaterThan(0.5);
    expect(random!.throughputPerSec).toBeGreaterThan(0.97 * 500);
  });

  it('least-connections beats random on p99 latency and drops', () => {
    expect(least!.latencyMs.p99).toBeLessThan(random!.latencyMs.p99 * 0.6);
    expect(least!.dropped).toBeLessThan(random!.dropped);
  });

  it('workers pulling from one queue beat least-connections on p99', () => {
    expect(pulled!.latencyMs.p99).toBeLessThan(least!.latencyMs.p99);
    expect(pulled!.dropped).toBe(0);
  });
});

describe("9. beyond: retries and Little's law", () => {
  const calm = runStep('beyond', 0);
  const storm = runStep('beyond', 1);

  /** Completions per second over [fromSec, toSec). */
  function rate(sim: Simulation, fromSec: number, toSec: number): number {
    const s = series(sim);
    let n = 0;
    s.timeMs.forEach((t, i) => {
      if (t > fromSec * 1000 && t <= toSec * 1000) n += s.completed[i]!;
    });
    return n / (toSec - fromSec);
  }

  it('without retries, the server recovers after the spike', () => {
    expect(rate(calm.sim, 0, 30)).toBeGreaterThan(90);
    expect(rate(calm.sim, 70, 150)).toBeGreaterThan(90);
  });

  it('with retries, the same spike becomes a lasting overload', () => {
    expect(rate(storm.sim, 0, 30)).toBeGreaterThan(90);
    expect(rate(storm.sim, 70, 150)).toBeLessThan(10);
    expect(storm.summary.wastedJobs).toBeGreaterThan(storm.summary.completed);
    expect(storm.summary.dropsByReason['retries-exhausted']).toBeGreaterThan(0);
  });

  it("Little's law: requests in flight = throughput × mean latency", () => {
    const { sim, summary } = runStep('beyond', 2);
    const s = series(sim);
    const measured = s.inFlight.filter((_, i) => s.timeMs[i]! > sim.warmupMs);
    const meanInFlight = measured.reduce((a, b) => a + b, 0) / measured.length;
    const little = (summary.throughputPerSec * summary.latencyMs.mean) / 1000;
    expect(Math.abs(meanInFlight / little - 1)).toBeLessThan(0.1);
  });
});
