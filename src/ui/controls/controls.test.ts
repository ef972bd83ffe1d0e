import { describe, expect, it } from 'vitest';
import webBurst from '../../../scenarios/web-burst.json';
import queueExample from '../../../scenarios/message-queue.json';
import retryStorm from '../../../scenarios/retry-storm.json';
import { tryApplyPatch } from '../../engine/scenario/patch.ts';
import { scenarioSchema, type Distribution, type Scenario } from '../../engine/scenario/schema.ts';
import { withArchitecture, translatePatch } from './architecture.ts';
import { meanOf, withMean } from './distributions.ts';
import { labelOf, NUMBER_FIELDS, type NumberFieldKey } from './fields.ts';
import { rateOf, withPattern, withRate } from './loads.ts';

const threads: Scenario = scenarioSchema.parse(webBurst);
const queue: Scenario = scenarioSchema.parse(queueExample);

describe('withMean', () => {
  const cases: Distribution[] = [
    { dist: 'constant', value: 4 },
    { dist: 'exponential', mean: 4 },
    { dist: 'lognormal', mean: 4, sd: 8 },
    { dist: 'uniform', min: 2, max: 6 },
  ];
  it.each(cases)('keeps the shape of $dist and sets its mean', (d) => {
    const changed = withMean(d, 10);
    expect(changed.dist).toBe(d.dist);
    expect(meanOf(changed)).toBeCloseTo(10);
  });

  it('keeps the spread of a lognormal relative to its mean', () => {
    expect(withMean({ dist: 'lognormal', mean: 4, sd: 8 }, 10)).toEqual({
      dist: 'lognormal',
      mean: 10,
      sd: 20,
    });
  });

  it('turns no work into constant 0, which every distribution field accepts', () => {
    expect(withMean({ dist: 'exponential', mean: 4 }, 0)).toEqual({ dist: 'constant', value: 0 });
  });
});

describe('loads', () => {
  it('rateOf a burst load is its base rate, and withRate keeps the burst three times it', () => {
    expect(rateOf(threads.load)).toBe(200);
    expect(withRate(threads.load, 100)).toMatchObject({ ratePerSec: 100, burstRatePerSec: 300 });
  });

  it('withPattern keeps the rate, and a closed load has no rate', () => {
    const poisson = withPattern(threads.load, 'poisson', 50);
    expect(poisson).toEqual({ pattern: 'poisson', ratePerSec: 200 });
    const closed = withPattern(poisson, 'closed', 50);
    expect(rateOf(closed)).toBeNull();
    expect(withPattern(closed, 'constant', 50)).toEqual({ pattern: 'constant', ratePerSec: 50 });
  });
});

describe('NUMBER_FIELDS', () => {
  const accepted: [NumberFieldKey, number][] = [
    ['arrivalRate', 900],
    ['cpuMs', 3],
    ['ioMs', 40],
    ['machines', 3],
    ['cores', 8],
    ['coreSpeed', 2],
    ['threads', 16],
    ['backlog', 4],
    ['timeoutMs', 250],
    ['timeoutMs', 0],
  ];
  it.each(accepted)('%s = %d makes a patch the engine accepts and reads back', (key, value) => {
    const field = NUMBER_FIELDS[key];
    const result = tryApplyPatch(threads, field.patch(threads, value));
    expect(result.ok).toBe(true);
    if (result.ok) expect(field.read(result.value)).toBe(value);
  });

  it('a refused value gets the engine message naming the field and the rule', () => {
    const result = tryApplyPatch(threads, NUMBER_FIELDS.cores.patch(threads, 0));
    expect(result).toEqual({ ok: false, errors: ['machines.cores: must be at least 1'] });
  });

  it('threads become workers on a message-queue server, with the label to match', () => {
    const result = tryApplyPatch(queue, NUMBER_FIELDS.threads.patch(queue, 6));
    expect(result.ok && result.value.server).toMatchObject({ workers: 6 });
    expect(labelOf(NUMBER_FIELDS.threads, queue)).toBe('Workers per machine');
    expect(labelOf(NUMBER_FIELDS.threads, threads)).toBe('Threads per machine');
  });

  it('queue capacity does not apply to thread per connection', () => {
    expect(NUMBER_FIELDS.queueCapacity.read(threads)).toBeNull();
    expect(NUMBER_FIELDS.queueCapacity.read(queue)).toBe(2000);
  });
});

describe('withArchitecture', () => {
  it('turns threads into workers and keeps the rest, valid for the engine', () => {
    const switched = withArchitecture(threads, 'message-queue', threads);
    expect(switched.server).toMatchObject({
      model: 'message-queue',
      workers: 8,
      backlog: 16,
      queueCapacity: 1000,
    });
    expect(switched.load).toEqual(threads.load);
    expect(scenarioSchema.safeParse(switched).success).toBe(true);
  });

  it('prefers the server the scenario was loaded with, and names the design', () => {
    const there = withArchitecture(queue, 'thread-per-connection', queue);
    const back = withArchitecture(there, 'message-queue', queue);
    expect(back.server).toEqual(queue.server);
    expect(back.name).toBe('A message queue absorbs the burst (Message queue)');
  });

  it('translates scheduled changes so the other server accepts them', () => {
    const storm = scenarioSchema.parse(retryStorm);
    const withChange = {
      ...storm,
      changes: [{ atSec: 5, set: { server: { threads: 4, backlog: 9, stopAfter: 100 } } }],
    };
    const switched = withArchitecture(withChange, 'message-queue', null);
    expect(switched.changes[0]?.set.server).toEqual({ workers: 4, backlog: 9 });
    expect(scenarioSchema.safeParse(switched).success).toBe(true);
  });

  it('translatePatch leaves a patch without a server alone', () => {
    const patch = { balancer: 'random' as const };
    expect(translatePatch(patch, 'message-queue')).toBe(patch);
  });
});
