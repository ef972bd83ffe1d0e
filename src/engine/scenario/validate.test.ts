import { describe, expect, it } from 'vitest';
import { migrateToCurrent } from './migrate.ts';
import { parsePatch, parseScenario, parseScenarioText } from './validate.ts';

/** A scenario as a person would write one: only the fields without defaults. */
const EXAMPLE = {
  version: 1,
  name: 'One web server under a steady load',
  seed: 42,
  durationSec: 60,
  load: { pattern: 'poisson', ratePerSec: 80 },
  request: {
    cpuMs: { dist: 'exponential', mean: 20 },
    ioMs: { dist: 'lognormal', mean: 30, sd: 10 },
  },
  machines: { count: 2, cores: 2, coreSpeed: 1 },
  server: { model: 'thread-per-connection', threads: 8, backlog: 32 },
};

function errorsOf(raw: unknown): string[] {
  const result = parseScenario(raw);
  return result.ok ? [] : result.errors;
}

describe('parseScenario', () => {
  it('parseScenario returns the example scenario with every default filled in', () => {
    const result = parseScenario(EXAMPLE);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({
      ...EXAMPLE,
      warmupSec: 0,
      network: { latencyMs: 0 },
      timeoutMs: null,
      retry: null,
      balancer: 'random',
      server: { ...EXAMPLE.server, stopAfter: null },
      cpu: { quantumMs: 10, contextSwitchMs: 0 },
      changes: [],
    });
  });

  it('parseScenario fills the defaults of a message-queue server, I/O and retry', () => {
    const result = parseScenario({
      ...EXAMPLE,
      request: { cpuMs: { dist: 'constant', value: 5 } },
      retry: { attempts: 3, backoffMs: 100 },
      server: {
        model: 'message-queue',
        workers: 4,
        queueCapacity: 100,
        whenFull: 'block',
        backlog: 8,
      },
    });

    expect(result.ok && result.value.server).toMatchObject({
      responseQueueCapacity: 1_000_000,
      sendMs: 0,
    });
    expect(result.ok && result.value.request.ioMs).toEqual({ dist: 'constant', value: 0 });
    expect(result.ok && result.value.retry).toEqual({ attempts: 3, backoffMs: 100, multiplier: 2 });
  });

  it('parseScenario returns an error naming the field and its lower bound', () => {
    const errors = errorsOf({ ...EXAMPLE, machines: { count: -1, cores: 2, coreSpeed: 1 } });

    expect(errors).toHaveLength(1);
    expect(errors[0]!.startsWith('machines.count: must be at least 0')).toBe(true);
  });

  it('parseScenario returns errors naming upper bounds and strict lower bounds', () => {
    expect(errorsOf({ ...EXAMPLE, machines: { count: 65, cores: 2, coreSpeed: 1 } })).toEqual([
      'machines.count: must be at most 64',
    ]);
    expect(errorsOf({ ...EXAMPLE, request: { cpuMs: { dist: 'exponential', mean: 0 } } })).toEqual([
      'request.cpuMs.mean: must be greater than 0',
    ]);
  });

  it('parseScenario returns "unknown field \'foo\'" for a field it does not know', () => {
    expect(errorsOf({ ...EXAMPLE, foo: 1 })).toEqual(["scenario: unknown field 'foo'"]);
    expect(errorsOf({ ...EXAMPLE, machines: { ...EXAMPLE.machines, gpus: 2 } })).toEqual([
      "machines: unknown field 'gpus'",
    ]);
  });

  it('parseScenario returns "must be a number (got string)" for a number typed as text', () => {
    expect(errorsOf({ ...EXAMPLE, durationSec: '60' })).toEqual([
      'durationSec: must be a number (got string)',
    ]);
  });

  it('parseScenario names NaN, Infinity, null and fractions where a number is wanted', () => {
    expect(errorsOf({ ...EXAMPLE, seed: NaN })).toEqual(['seed: must be a number (got NaN)']);
    expect(errorsOf({ ...EXAMPLE, durationSec: Infinity })).toEqual([
      'durationSec: must be a number (got Infinity)',
    ]);
    expect(errorsOf({ ...EXAMPLE, load: null })).toEqual(['load: must be an object (got null)']);
    expect(errorsOf({ ...EXAMPLE, server: { ...EXAMPLE.server, threads: 1.5 } })).toEqual([
      'server.threads: must be a whole number (got 1.5)',
    ]);
  });

  it('parseScenario returns "is required" for a missing field', () => {
    const { load: _load, ...withoutLoad } = EXAMPLE;

    expect(errorsOf(withoutLoad)).toEqual(['load: is required (object)']);
  });

  it('parseScenario lists the accepted kinds of an unknown distribution, pattern or model', () => {
    const cpuMs = { dist: 'gamma', mean: 3 };
    expect(errorsOf({ ...EXAMPLE, request: { ...EXAMPLE.request, cpuMs } })).toEqual([
      'request.cpuMs.dist: must be one of "constant", "exponential", "uniform", "lognormal"',
    ]);
    expect(errorsOf({ ...EXAMPLE, server: { ...EXAMPLE.server, model: 'actors' } })).toEqual([
      'server.model: must be one of "thread-per-connection", "message-queue"',
    ]);
  });

  it('parseScenario lists the accepted values of a closed set', () => {
    expect(errorsOf({ ...EXAMPLE, balancer: 'sticky' })).toEqual([
      'balancer: must be one of "round-robin", "random", "least-connections", "power-of-two"',
    ]);
  });

  it('parseScenario refuses a uniform distribution whose min exceeds its max', () => {
    const request = { cpuMs: { dist: 'uniform', min: 5, max: 2 } };

    expect(errorsOf({ ...EXAMPLE, request })).toEqual([
      'request.cpuMs.max: min must not exceed max',
    ]);
  });

  it('parseScenario refuses a warm-up as long as the run', () => {
    expect(errorsOf({ ...EXAMPLE, warmupSec: 60 })).toEqual([
      'warmupSec: must be shorter than durationSec',
    ]);
  });

  it('parseScenario names the path into a scripted change', () => {
    const changes = [{ atSec: 1, set: { server: { threads: -1 } } }];

    expect(errorsOf({ ...EXAMPLE, changes })).toEqual([
      'changes.0.set.server.threads: must be at least 0',
    ]);
  });

  it('parseScenario returns at most 8 errors', () => {
    const errors = errorsOf({
      ...EXAMPLE,
      seed: -1,
      durationSec: 0,
      warmupSec: -1,
      timeoutMs: 0,
      network: { latencyMs: -1 },
      machines: { count: -1, cores: 0, coreSpeed: 0 },
      cpu: { quantumMs: 0, contextSwitchMs: -1 },
    });

    expect(errors).toHaveLength(8);
    expect(errors[0]).toBe('seed: must be at least 0');
  });

  it('parseScenario refuses a newer version by its number', () => {
    expect(errorsOf({ ...EXAMPLE, version: 2 })).toEqual([
      'version: this is a version 2 scenario; this build of Servicescope reads versions 1 to 1',
    ]);
  });

  it('parseScenario refuses a missing, fractional or zero version', () => {
    const { version: _version, ...withoutVersion } = EXAMPLE;

    expect(errorsOf(withoutVersion)).toEqual(['version: is required (number)']);
    expect(errorsOf({ ...EXAMPLE, version: 1.5 })).toEqual([
      'version: must be a whole number from 1',
    ]);
    expect(errorsOf({ ...EXAMPLE, version: 0 })).toEqual([
      'version: must be a whole number from 1',
    ]);
  });

  it('parseScenario refuses anything but an object', () => {
    for (const raw of [null, [EXAMPLE], 'scenario', 42, undefined]) {
      expect(errorsOf(raw)).toEqual(['scenario: must be a JSON object']);
    }
  });
});

describe('parseScenarioText', () => {
  it('parseScenarioText returns the scenario of valid JSON', () => {
    expect(parseScenarioText(JSON.stringify(EXAMPLE)).ok).toBe(true);
  });

  it('parseScenarioText returns "not valid JSON" for broken text', () => {
    const result = parseScenarioText('{"version": 1,');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.startsWith('scenario: not valid JSON (')).toBe(true);
  });

  it('parseScenarioText refuses text over 1 MB before parsing it', () => {
    expect(parseScenarioText(' '.repeat(1_000_001))).toEqual({
      ok: false,
      errors: ['scenario: the file is larger than 1 MB'],
    });
  });
});

describe('parsePatch', () => {
  it('parsePatch returns a valid patch unchanged', () => {
    expect(parsePatch({ server: { threads: 2 }, machines: { count: 3 } })).toEqual({
      ok: true,
      value: { server: { threads: 2 }, machines: { count: 3 } },
    });
  });

  it('parsePatch returns errors naming the field', () => {
    expect(parsePatch({ machines: { cores: 0 } })).toEqual({
      ok: false,
      errors: ['machines.cores: must be at least 1'],
    });
    expect(parsePatch({ machines: { cores: '2' } })).toEqual({
      ok: false,
      errors: ['machines.cores: must be a number (got string)'],
    });
  });
});

describe('migrateToCurrent', () => {
  it('migrateToCurrent returns a version 1 document as it is', () => {
    expect(migrateToCurrent(EXAMPLE)).toEqual({ ok: true, value: EXAMPLE });
  });
});
