import { describe, expect, it } from 'vitest';
import { JobStage, ThreadState } from './model.ts';
import { runToEnd } from './run.ts';
import type { ScenarioInput } from './scenario/schema.ts';
import { Simulation } from './simulation.ts';
import { summarize } from './summary.ts';
import { makeScenario, openMeasured, traceOf } from './testScenario.ts';

const CPU_25 = { cpuMs: { dist: 'constant', value: 25 } } as const;
const NO_MACHINES = { count: 0, cores: 1, coreSpeed: 1 };

function simulate(overrides: Partial<ScenarioInput>): Simulation {
  return new Simulation(makeScenario(overrides), { recordTransitions: true });
}

describe('Simulation network and work', () => {
  it('Simulation adds the network latency on the way in and on the way out', () => {
    const sim = simulate({
      durationSec: 0.03,
      network: { latencyMs: 4 },
      request: { cpuMs: { dist: 'constant', value: 3 } },
    });
    sim.runUntil(30);

    expect(traceOf(sim, ['sent', 'arrived', 'responded', 'completed'])).toEqual([
      '10 sent r1',
      '14 arrived r1',
      '17 responded r1',
      '20 sent r2',
      '21 completed r1',
      '24 arrived r2',
      '27 responded r2',
      '30 sent r3',
    ]);
    expect(summarize(sim).latencyMs.max).toBe(11);
  });

  it('Simulation holds no core in I/O: two threads on one core finish at 110, 120', () => {
    const sim = simulate({
      durationSec: 0.13,
      load: { pattern: 'closed', users: 2, thinkMs: { dist: 'constant', value: 1 } },
      request: { cpuMs: { dist: 'constant', value: 10 }, ioMs: { dist: 'constant', value: 100 } },
      server: { model: 'thread-per-connection', threads: 2, backlog: 0 },
    });
    sim.runUntil(50);

    const states = sim.machines[0]!.threads.map((t) => t.state);
    expect(states).toEqual([ThreadState.io, ThreadState.io]);
    expect(sim.machines[0]!.cpu.busy).toBe(0);
    sim.runUntil(130);
    expect(traceOf(sim, ['completed'])).toEqual(['111 completed r1', '121 completed r2']);
    const summary = summarize(sim);
    expect([summary.latencyMs.mean, summary.latencyMs.max]).toEqual([115, 120]);
  });

  it('Simulation runs work of w ms in w / coreSpeed ms', () => {
    const { summary } = runToEnd(
      makeScenario({
        durationSec: 0.1,
        request: { cpuMs: { dist: 'constant', value: 8 } },
        machines: { count: 1, cores: 1, coreSpeed: 4 },
      }),
    );

    expect(summary.latencyMs.max).toBe(2);
  });

  it('summarize returns the share of core time spent busy as cpuUtilization', () => {
    const { summary } = runToEnd(makeScenario({ machines: { count: 1, cores: 2, coreSpeed: 1 } }));

    // 99 requests of 5 ms finish inside the second; the 100th starts at its very end.
    expect(summary.cpuUtilization).toBeCloseTo((99 * 5) / 2000, 12);
  });

  it('Simulation.step keeps the clock moving late in a long run with fractional core speed', () => {
    const sim = new Simulation(
      makeScenario({
        seed: 3,
        durationSec: 4300,
        load: { pattern: 'poisson', ratePerSec: 3 },
        request: { cpuMs: { dist: 'exponential', mean: 700 } },
        machines: { count: 1, cores: 1, coreSpeed: 3.7 },
        cpu: { quantumMs: 3.3, contextSwitchMs: 0.01 },
        server: { model: 'thread-per-connection', threads: 8, backlog: 50 },
      }),
      { trackRequests: false },
    );
    let lastMs = -1;
    let stepsAtOneTime = 0;
    while (sim.step() && stepsAtOneTime < 1000) {
      stepsAtOneTime = sim.now === lastMs ? stepsAtOneTime + 1 : 0;
      lastMs = sim.now;
    }

    // This run once stalled at 4,194,831 ms on a slice end that rounded to the present.
    expect(stepsAtOneTime).toBeLessThan(1000);
    expect(sim.finished).toBe(true);
  });

  it('Simulation.step runs one event at a time and stops at the end', () => {
    const sim = new Simulation(makeScenario({ durationSec: 0.02 }));
    const times: number[] = [];
    while (sim.step()) times.push(sim.now);

    expect(times).toEqual([10, 15, 20]);
    expect(sim.finished).toBe(true);
    expect(sim.now).toBe(20);
  });
});

describe('Simulation timeouts and retries', () => {
  it('Simulation times out requests that wait too long and counts the work done anyway', () => {
    const sim = simulate({
      durationSec: 0.2,
      load: { pattern: 'constant', ratePerSec: 50 },
      timeoutMs: 42,
      request: CPU_25,
    });
    sim.runUntil(200);

    // Latency grows by 5 ms per request; the fifth would take 45 ms.
    expect(traceOf(sim, ['completed', 'timedOut', 'responded'])).toEqual([
      '45 responded r1',
      '45 completed r1',
      '70 responded r2',
      '70 completed r2',
      '95 responded r3',
      '95 completed r3',
      '120 responded r4',
      '120 completed r4',
      '142 timedOut r5',
      '145 responded r5',
      '162 timedOut r6',
      '170 responded r6',
      '182 timedOut r7',
      '195 responded r7',
    ]);
    const summary = summarize(sim);
    expect([summary.completed, summary.timedOut, summary.wastedJobs, summary.inFlight]).toEqual([
      4, 3, 3, 3,
    ]);
    expect(summary.retries).toBe(0);
  });

  it('Simulation retries a timed-out try, then gives up when the attempts are used', () => {
    const sim = simulate({
      durationSec: 0.06,
      load: { pattern: 'closed', users: 1, thinkMs: { dist: 'constant', value: 10 } },
      timeoutMs: 20,
      retry: { attempts: 2, backoffMs: 5 },
      request: { cpuMs: { dist: 'constant', value: 30 } },
    });
    sim.runUntil(60);

    expect(traceOf(sim, ['sent', 'started', 'responded', 'timedOut'])).toEqual([
      '10 sent r1',
      '10 started r1',
      '30 timedOut r1',
      '35 sent r1',
      '40 responded r1',
      '40 started r1',
      '55 timedOut r1',
    ]);
    const summary = summarize(sim);
    expect([summary.timedOut, summary.retries, summary.wastedJobs]).toEqual([1, 1, 1]);
  });

  it('Simulation retries refused tries with growing backoff, then drops: retries-exhausted', () => {
    const sim = simulate({
      durationSec: 0.25,
      load: { pattern: 'constant', ratePerSec: 10 },
      retry: { attempts: 3, backoffMs: 10 },
      machines: NO_MACHINES,
    });
    sim.runUntil(250);

    expect(traceOf(sim, ['sent', 'dropped'])).toEqual([
      '100 sent r1',
      '100 dropped r1 nobody-listening',
      '110 sent r1',
      '110 dropped r1 nobody-listening',
      '130 sent r1',
      '130 dropped r1 nobody-listening',
      '200 sent r2',
      '200 dropped r2 nobody-listening',
      '210 sent r2',
      '210 dropped r2 nobody-listening',
      '230 sent r2',
      '230 dropped r2 nobody-listening',
    ]);
    const summary = summarize(sim);
    expect(summary.dropsByReason).toEqual({
      'backlog-full': 0,
      'queue-full': 0,
      'nobody-listening': 0,
      'retries-exhausted': 2,
    });
    expect(summary.retries).toBe(4);
  });

  it('Simulation completes a request whose retry finds room after a backlog-full refusal', () => {
    const sim = simulate({
      durationSec: 0.07,
      retry: { attempts: 2, backoffMs: 20 },
      request: CPU_25,
      server: { model: 'thread-per-connection', threads: 1, backlog: 0 },
    });
    sim.runUntil(70);

    const r2 = traceOf(sim, ['sent', 'dropped', 'completed']).filter((l) => l.endsWith(' r2'));
    expect(r2).toEqual(['20 sent r2', '40 sent r2', '65 completed r2']);
    expect(summarize(sim).latencyMs.max).toBe(45);
  });

  it('Simulation ignores a timeout for a request already answered', () => {
    const { summary } = runToEnd(makeScenario({ timeoutMs: 6 }));

    // The 100th request is sent at the very end and is still in flight.
    expect([summary.completed, summary.timedOut, summary.inFlight]).toEqual([99, 0, 1]);
  });
});

describe('Simulation clients', () => {
  it('Simulation with one user, 10 ms think and 5 ms work completes one per 15 ms', () => {
    const { summary } = runToEnd(
      makeScenario({
        durationSec: 1.5,
        load: { pattern: 'closed', users: 1, thinkMs: { dist: 'constant', value: 10 } },
      }),
    );

    expect([summary.arrived, summary.completed]).toEqual([100, 100]);
    expect(summary.throughputPerSec).toBeCloseTo(100 / 1.5, 12);
  });

  it('Simulation with constant arrivals sends exactly rate times duration requests', () => {
    const { summary } = runToEnd(
      makeScenario({ durationSec: 3, load: { pattern: 'constant', ratePerSec: 40 } }),
    );

    expect(summary.arrived).toBe(120);
  });

  const longRun = (load: ScenarioInput['load'], durationSec: number) =>
    runToEnd(makeScenario({ durationSec, load, machines: NO_MACHINES })).summary.arrived;

  it('Simulation with poisson arrivals sends about rate times duration requests', () => {
    const arrived = longRun({ pattern: 'poisson', ratePerSec: 50 }, 400);

    expect(Math.abs(arrived / 20_000 - 1)).toBeLessThan(0.03);
  });

  it('Simulation with bursts sends about the integral of the rate', () => {
    const load = {
      pattern: 'bursts',
      ratePerSec: 10,
      burstRatePerSec: 100,
      burstEverySec: 2,
      burstLengthSec: 0.5,
    } as const;

    // Each 2 s cycle: 0.5 s at 100/s and 1.5 s at 10/s, so 65 requests.
    expect(Math.abs(longRun(load, 400) / 13_000 - 1)).toBeLessThan(0.04);
  });

  it('Simulation with a ramp sends about the integral of the rate, up or down', () => {
    const up = longRun({ pattern: 'ramp', fromPerSec: 0, toPerSec: 100, rampSec: 100 }, 200);
    const down = longRun({ pattern: 'ramp', fromPerSec: 100, toPerSec: 0, rampSec: 100 }, 200);

    expect(Math.abs(up / 15_000 - 1)).toBeLessThan(0.04);
    expect(Math.abs(down / 5_000 - 1)).toBeLessThan(0.05);
  });

  it('Simulation counts requests sent during the warm-up in total but not as measured', () => {
    const sim = new Simulation(makeScenario({ durationSec: 2, warmupSec: 1 }));
    sim.runUntil(2000);
    const summary = summarize(sim);

    // Requests at 1000, 1010, ..., 2000 ms are measured; the last is still in flight.
    expect(sim.metrics.total.arrived).toBe(200);
    expect([summary.arrived, summary.completed]).toEqual([101, 100]);
    expect(summary.throughputPerSec).toBeCloseTo(100, 12);
  });
});

describe('Simulation balancer', () => {
  const threeMachines = (balancer: ScenarioInput['balancer']) =>
    makeScenario({
      durationSec: 3,
      load: { pattern: 'poisson', ratePerSec: 150 },
      request: { cpuMs: { dist: 'exponential', mean: 10 } },
      machines: { count: 3, cores: 1, coreSpeed: 1 },
      balancer,
      server: { model: 'thread-per-connection', threads: 2, backlog: 20 },
    });

  const arrivedPerMachine = (sim: Simulation) => {
    const counts = [0, 0, 0];
    const t = sim.transitions!.drain();
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] === 1) counts[t.machine[i]!]!++;
    }
    return counts;
  };

  it('Simulation with round-robin gives each machine every third connection', () => {
    const { sim } = runToEnd(threeMachines('round-robin'), { recordTransitions: true });
    const counts = arrivedPerMachine(sim);

    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('Simulation with least-connections or power-of-two returns a lower p99 than random', () => {
    const p99 = (balancer: ScenarioInput['balancer']) => {
      const { summary } = runToEnd(threeMachines(balancer));
      return summary.latencyMs.p99;
    };

    expect(p99('least-connections')).toBeLessThan(p99('random'));
    expect(p99('power-of-two')).toBeLessThan(p99('random'));
  });

  it('Simulation keeps the job on the machine that accepted it', () => {
    const sim = simulate({
      durationSec: 0.1,
      machines: { count: 2, cores: 1, coreSpeed: 1 },
      balancer: 'round-robin',
      request: CPU_25,
    });
    sim.runUntil(25);

    const running = sim.machines.map((m) => m.threads[0]!.job);
    expect(running.map((job) => job?.machine?.id)).toEqual([0, 1]);
    expect(running.map((job) => job?.stage)).toEqual([JobStage.running, JobStage.running]);
    sim.runUntil(100);
    expect(summarize(sim).inFlight).toBe(openMeasured(sim));
  });
});
