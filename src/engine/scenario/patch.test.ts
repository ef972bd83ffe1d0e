import { describe, expect, it } from 'vitest';
import { makeScenario } from '../testScenario.ts';
import { applyPatch, mergePatch, tryApplyPatch } from './patch.ts';

const TPC = makeScenario();
const MQ = makeScenario({
  server: { model: 'message-queue', workers: 2, queueCapacity: 10, whenFull: 'reject', backlog: 4 },
});

describe('mergePatch', () => {
  it('mergePatch replaces only the fields a patch names', () => {
    const merged = mergePatch(TPC, { machines: { cores: 4 }, server: { backlog: 3 } });

    expect(merged.machines).toEqual({ count: 1, cores: 4, coreSpeed: 1 });
    expect(merged.server).toEqual({ ...TPC.server, backlog: 3 });
    expect(merged.load).toBe(TPC.load);
  });

  it('mergePatch replaces the whole load, whose fields depend on its pattern', () => {
    const load = { pattern: 'closed', users: 3, thinkMs: { dist: 'constant', value: 1 } } as const;

    expect(mergePatch(TPC, { load }).load).toEqual(load);
  });

  it('mergePatch sets timeoutMs and retry to null when the patch says null', () => {
    const withTimeout = mergePatch(TPC, {
      timeoutMs: 100,
      retry: { attempts: 2, backoffMs: 5, multiplier: 2 },
    });
    const cleared = mergePatch(withTimeout, { timeoutMs: null, retry: null });

    expect([cleared.timeoutMs, cleared.retry]).toEqual([null, null]);
    expect(mergePatch(withTimeout, {}).timeoutMs).toBe(100);
  });

  it('mergePatch leaves the scenario it was given unchanged', () => {
    const before = structuredClone(TPC);
    mergePatch(TPC, { machines: { count: 5 }, server: { threads: 9 }, cpu: { quantumMs: 2 } });

    expect(TPC).toEqual(before);
  });
});

describe('tryApplyPatch', () => {
  it('tryApplyPatch returns the patched scenario', () => {
    const result = tryApplyPatch(MQ, { server: { workers: 5, whenFull: 'block' } });

    expect(result.ok && result.value.server).toEqual({
      ...MQ.server,
      workers: 5,
      whenFull: 'block',
    });
  });

  it('tryApplyPatch refuses a field of the other server model by name', () => {
    expect(tryApplyPatch(TPC, { server: { workers: 2 } })).toEqual({
      ok: false,
      errors: ["server: unknown field 'workers'"],
    });
    expect(tryApplyPatch(MQ, { server: { threads: 2 } })).toEqual({
      ok: false,
      errors: ["server: unknown field 'threads'"],
    });
  });

  it('tryApplyPatch refuses an out-of-range value with the field and the rule', () => {
    expect(tryApplyPatch(TPC, { machines: { cores: 0 } })).toEqual({
      ok: false,
      errors: ['machines.cores: must be at least 1'],
    });
    expect(tryApplyPatch(TPC, { request: { cpuMs: { dist: 'uniform', min: 3, max: 1 } } })).toEqual(
      {
        ok: false,
        errors: ['request.cpuMs.max: min must not exceed max'],
      },
    );
  });
});

describe('applyPatch', () => {
  it('applyPatch throws with the messages of an invalid patch', () => {
    expect(() => applyPatch(TPC, { machines: { coreSpeed: 0 } })).toThrow(
      'invalid live change: machines.coreSpeed: must be at least 0.1',
    );
  });
});
