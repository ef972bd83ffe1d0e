import { describe, expect, it } from 'vitest';
import { scenarioSchema, type Scenario } from '../scenario/schema.ts';
import { theoryFor, type TheoryFit } from './fit.ts';
import { mg1 } from './mg1.ts';
import { mmck } from './mmck.ts';

/** Two cores, four threads, backlog 48, exponential 10 ms work at 150 requests per second. */
function scenario(fields: Record<string, unknown> = {}): Scenario {
  return scenarioSchema.parse({
    version: 1,
    seed: 7,
    durationSec: 600,
    load: { pattern: 'poisson', ratePerSec: 150 },
    request: { cpuMs: { dist: 'exponential', mean: 10 } },
    machines: { count: 1, cores: 2, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 4, backlog: 48 },
    ...fields,
  });
}

function messageQueue(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'message-queue',
    workers: 4,
    queueCapacity: 100,
    whenFull: 'reject',
    backlog: 10,
    ...fields,
  };
}

function fitting(fit: TheoryFit) {
  if (!fit.fits) throw new Error(`expected a fit, got: ${fit.reasons.join(' | ')}`);
  return fit;
}

function reasonsOf(fit: TheoryFit): string[] {
  if (fit.fits) throw new Error(`expected no fit, got ${fit.model}`);
  return fit.reasons;
}

describe('theoryFor: thread per connection', () => {
  it('theoryFor(2 cores, 4 threads, backlog 48) is M/M/2/52', () => {
    const fit = fitting(theoryFor(scenario()));
    expect(fit.model).toBe('M/M/2/52');
    expect(fit.theory).toEqual(mmck(150, 100, 2, 52));
    expect(fit.note).toBe(
      'M/M/2/52: Poisson arrivals, exponential CPU work (mean 10 ms on a core), ' +
        '2 cores, 4 threads, backlog 48.',
    );
  });

  it('theoryFor(coreSpeed 2) serves twice as fast: mu = 200 per second', () => {
    const fit = fitting(theoryFor(scenario({ machines: { count: 1, cores: 2, coreSpeed: 2 } })));
    expect(fit.theory).toEqual(mmck(150, 200, 2, 52));
  });

  it('theoryFor(8 cores, 2 threads) uses the threads as servers: M/M/2/12', () => {
    const fit = fitting(
      theoryFor(
        scenario({
          machines: { count: 1, cores: 8, coreSpeed: 1 },
          server: { model: 'thread-per-connection', threads: 2, backlog: 10 },
        }),
      ),
    );
    expect(fit.model).toBe('M/M/2/12');
    expect(fit.note).toContain('fewer than the 8 cores');
  });

  it('theoryFor(one thread, exponential work) is M/M/1/K, not M/G/1', () => {
    const server = { model: 'thread-per-connection', threads: 1, backlog: 20 };
    const fit = fitting(
      theoryFor(scenario({ server, load: { pattern: 'poisson', ratePerSec: 50 } })),
    );
    expect(fit.model).toBe('M/M/1/21');
  });

  it('theoryFor(4 machines, random balancer) is 4 independent copies of M/M/2/52', () => {
    const fit = fitting(theoryFor(scenario({ machines: { count: 4, cores: 2, coreSpeed: 1 } })));
    const one = mmck(150 / 4, 100, 2, 52);
    expect(fit.model).toBe('4 x M/M/2/52 (random split)');
    expect(fit.theory.model).toBe(fit.model);
    expect(fit.theory.throughputPerSec).toBeCloseTo(4 * one.throughputPerSec, 10);
    expect(fit.theory.meanInSystem).toBeCloseTo(4 * one.meanInSystem, 10);
    expect(fit.theory.dropProbability).toBe(one.dropProbability);
    expect(fit.theory.meanResponseMs).toBe(one.meanResponseMs);
    expect(fit.note).toContain('random balancer');
  });

  it('theoryFor(4 machines, round-robin) does not fit: only random splits Poisson streams', () => {
    const fit = theoryFor(
      scenario({ machines: { count: 4, cores: 2, coreSpeed: 1 }, balancer: 'round-robin' }),
    );
    expect(reasonsOf(fit)).toEqual([
      'balancer is round-robin; only the random balancer splits Poisson arrivals into ' +
        'independent Poisson streams',
    ]);
  });

  it('theoryFor(threads 0) does not fit: nothing is served', () => {
    const server = { model: 'thread-per-connection', threads: 0, backlog: 10 };
    const reasons = reasonsOf(theoryFor(scenario({ server })));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^server\.threads is 0/);
  });

  it('theoryFor(stopAfter 100) does not fit', () => {
    const server = { model: 'thread-per-connection', threads: 4, backlog: 10, stopAfter: 100 };
    const reasons = reasonsOf(theoryFor(scenario({ server })));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^server\.stopAfter is 100/);
  });
});

describe('theoryFor: message queue', () => {
  it('theoryFor(2 machines x 4 workers, queue 100) is M/M/8/108', () => {
    const fit = fitting(
      theoryFor(
        scenario({ machines: { count: 2, cores: 4, coreSpeed: 1 }, server: messageQueue() }),
      ),
    );
    expect(fit.model).toBe('M/M/8/108');
    expect(fit.theory).toEqual(mmck(150, 100, 8, 108));
    expect(fit.note).toContain('8 workers (2 machines x 4)');
  });

  it('theoryFor(message queue) ignores the balancer, since workers pull', () => {
    const fit = theoryFor(
      scenario({
        machines: { count: 2, cores: 4, coreSpeed: 1 },
        balancer: 'least-connections',
        server: messageQueue(),
      }),
    );
    expect(fit.fits).toBe(true);
  });

  it('theoryFor(workers > cores, whenFull block, sendMs 2) lists three reasons', () => {
    const server = messageQueue({ workers: 6, whenFull: 'block', sendMs: 2 });
    const reasons = reasonsOf(theoryFor(scenario({ server })));
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/^server\.workers is 6 but machines\.cores is 2/);
    expect(reasons[1]).toMatch(/^server\.whenFull is block/);
    expect(reasons[2]).toMatch(/^server\.sendMs is 2/);
  });

  it('theoryFor(workers 0) does not fit', () => {
    const reasons = reasonsOf(theoryFor(scenario({ server: messageQueue({ workers: 0 }) })));
    expect(reasons[0]).toMatch(/^server\.workers is 0/);
  });
});

describe('theoryFor: M/G/1', () => {
  const oneThread = { model: 'thread-per-connection', threads: 1, backlog: 1000 };
  const uniform = { cpuMs: { dist: 'uniform', min: 0, max: 20 } };
  const slowLoad = { pattern: 'poisson', ratePerSec: 50 };

  it('theoryFor(uniform work, one thread) is M/G/1 with the backlog treated as infinite', () => {
    const fit = fitting(
      theoryFor(scenario({ server: oneThread, request: uniform, load: slowLoad })),
    );
    expect(fit.model).toBe('M/G/1');
    expect(fit.theory).toEqual(mg1(50, 10, 400 / 12));
    expect(fit.note).toContain('server.backlog of 1000 is treated as infinite');
  });

  it('theoryFor(uniform work, coreSpeed 2) halves the mean and quarters the variance', () => {
    const fit = fitting(
      theoryFor(
        scenario({
          server: oneThread,
          request: uniform,
          load: slowLoad,
          machines: { count: 1, cores: 4, coreSpeed: 2 },
        }),
      ),
    );
    expect(fit.theory).toEqual(mg1(50, 5, 100 / 12));
  });

  it('theoryFor(constant work, one message-queue worker) is M/G/1', () => {
    const fit = fitting(
      theoryFor(
        scenario({
          server: messageQueue({ workers: 1, queueCapacity: 5000 }),
          request: { cpuMs: { dist: 'constant', value: 10 } },
          load: slowLoad,
        }),
      ),
    );
    expect(fit.theory).toEqual(mg1(50, 10, 0));
    expect(fit.note).toContain('server.queueCapacity of 5000 is treated as infinite');
  });

  it('theoryFor(uniform work at rho = 1.5) does not fit: overloaded', () => {
    const load = { pattern: 'poisson', ratePerSec: 150 };
    const reasons = reasonsOf(theoryFor(scenario({ server: oneThread, request: uniform, load })));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^overloaded: M\/G\/1 has no steady state/);
  });

  it('theoryFor(uniform work, backlog 2) does not fit: the queue would often be full', () => {
    const server = { model: 'thread-per-connection', threads: 1, backlog: 2 };
    const reasons = reasonsOf(theoryFor(scenario({ server, request: uniform, load: slowLoad })));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^server\.backlog is 2; M\/G\/1 treats the queue as unbounded/);
  });

  it('theoryFor(uniform work, 4 threads) does not fit: needs exponential work', () => {
    const reasons = reasonsOf(theoryFor(scenario({ request: uniform })));
    expect(reasons).toEqual([
      'request.cpuMs is uniform; theory needs exponential CPU work unless one machine runs ' +
        'one thread',
    ]);
  });

  it('theoryFor(lognormal work, 2 machines, 1 thread each) does not fit', () => {
    const reasons = reasonsOf(
      theoryFor(
        scenario({
          server: oneThread,
          request: { cpuMs: { dist: 'lognormal', mean: 10, sd: 5 } },
          machines: { count: 2, cores: 1, coreSpeed: 1 },
        }),
      ),
    );
    expect(reasons[0]).toMatch(/^request\.cpuMs is lognormal/);
  });
});

describe('theoryFor: scenario-wide rules', () => {
  it('theoryFor(a scenario breaking six rules) lists all six reasons', () => {
    const fit = theoryFor(
      scenario({
        load: {
          pattern: 'bursts',
          ratePerSec: 10,
          burstRatePerSec: 100,
          burstEverySec: 10,
          burstLengthSec: 1,
        },
        changes: [{ atSec: 5, set: { machines: { cores: 4 } } }],
        timeoutMs: 500,
        retry: { attempts: 3, backoffMs: 100 },
        cpu: { quantumMs: 10, contextSwitchMs: 0.1 },
        request: {
          cpuMs: { dist: 'exponential', mean: 10 },
          ioMs: { dist: 'constant', value: 5 },
        },
      }),
    );
    const fields = reasonsOf(fit).map((reason) => reason.split(' ')[0]);
    expect(fields).toEqual([
      'load.pattern',
      'changes',
      'timeoutMs',
      'retry',
      'cpu.contextSwitchMs',
      'request.ioMs',
    ]);
    expect(reasonsOf(fit)[0]).toBe('load.pattern is bursts; theory needs poisson arrivals');
  });

  it('theoryFor(closed load) does not fit', () => {
    const load = { pattern: 'closed', users: 10, thinkMs: { dist: 'exponential', mean: 100 } };
    expect(reasonsOf(theoryFor(scenario({ load })))[0]).toMatch(/^load\.pattern is closed/);
  });

  it('theoryFor(machines.count 0) does not fit: no machine serves', () => {
    const reasons = reasonsOf(
      theoryFor(scenario({ machines: { count: 0, cores: 2, coreSpeed: 1 } })),
    );
    expect(reasons).toEqual(['machines.count is 0; no machine is there to serve']);
  });

  it('theoryFor(network latency 20 ms) still fits and says latency is left out', () => {
    const fit = fitting(theoryFor(scenario({ network: { latencyMs: 20 } })));
    expect(fit.model).toBe('M/M/2/52');
    expect(fit.note).toContain('network latency (20 ms)');
  });

  it('theoryFor(zero load) fits with nothing in the system', () => {
    const fit = fitting(theoryFor(scenario({ load: { pattern: 'poisson', ratePerSec: 0 } })));
    expect(fit.theory.meanInSystem).toBe(0);
    expect(fit.theory.meanResponseMs).toBe(10);
  });
});
