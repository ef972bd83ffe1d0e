import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../engine/scenario/schema.ts';
import { decodeLink, encodeLink, MAX_HASH_LENGTH, type LinkState } from './link.ts';

const scenario = scenarioSchema.parse({
  version: 1,
  name: 'link test',
  seed: 4,
  durationSec: 60,
  load: { pattern: 'poisson', ratePerSec: 120 },
  request: { cpuMs: { dist: 'exponential', mean: 8 } },
  machines: { count: 2, cores: 2, coreSpeed: 1.5 },
  server: { model: 'message-queue', workers: 2, queueCapacity: 40, whenFull: 'block', backlog: 8 },
});

const state: LinkState = {
  scenario,
  lesson: 'one-core',
  step: 2,
  speed: 0.25,
  embed: true,
  autoplay: true,
};

/**
 * A link made by this build, pinned: every later build must still open it exactly, so links in
 * slides and course pages keep working after upgrades.
 */
const PINNED =
  '#v=1&s=VVDLasMwEPyVorNb7JCW4muht0JLjqWHjbzEwtLK0SMPQv69s6YpRKfd1czs7FzMgVN2UUzfNUYosOmNdzI9FM7FNCYzD6ZfN2aoiQqAG7amf2kbc6QU6ry06Hwk4C5mplI4Qc7M0eUM4caAyJ-cFmi3aq-Y8L6qPgh2rh9Zi8HpwPBpjsJSHHlQAxO0XkFx8Q5mo-RCohYP5Ctst1eghMsxpkmBHlvFnpWlK4sLHGvRVqr36qGk860JZEcnvGywsUK3XzWoko7-qs28ZNE9PUNuS57EcoKVRDLEsGSVkKZKhDiwx1fgnGnHj7gWFpEZvCHvRXKZvdFM1hX4WGukI8s7_IC59dFOYGzJTj7ukIE6zsgm89c9s2uXp_tluJ2LWNXIviKjGnTaAYHUCp_K5uiKHf-hI8lO7_z-uf4C' +
  '&lesson=one-core&step=3&speed=0.25&embed=1&autoplay=1';

describe('encodeLink', () => {
  it('encodeLink then decodeLink returns the same state', () => {
    const link = encodeLink(state);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(decodeLink(link.value)).toEqual({ ok: true, value: state });
  });

  it('encodeLink of a scenario too large for a link refuses with advice', () => {
    const changes = Array.from({ length: 1000 }, (_, i) => ({
      atSec: i * 7.31,
      set: { load: { pattern: 'poisson' as const, ratePerSec: (i * 7919) % 100_000 } },
    }));
    const big = scenarioSchema.parse({ ...scenario, changes, durationSec: 86_400 });
    const link = encodeLink({ ...state, scenario: big });
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.errors[0]).toMatch(/^link: .*too large.*export it as a file/);
  });

  it('encodeLink leaves out what is not set', () => {
    const link = encodeLink({ ...state, lesson: null, speed: null, embed: false, autoplay: false });
    expect(link.ok && link.value).not.toMatch(/lesson|speed|embed|autoplay/);
  });
});

describe('decodeLink', () => {
  it('decodeLink of a link pinned from an earlier build opens it exactly', () => {
    expect(decodeLink(PINNED)).toEqual({ ok: true, value: state });
  });

  it('decodeLink of an empty hash returns no state', () => {
    expect(decodeLink('')).toEqual({ ok: true, value: null });
    expect(decodeLink('#')).toEqual({ ok: true, value: null });
  });

  it('decodeLink names the field and the rule for each kind of damage', () => {
    const errorOf = (hash: string) => {
      const r = decodeLink(hash);
      return r.ok ? 'accepted' : r.errors[0];
    };
    expect(errorOf('#v=9&s=x')).toMatch(/^link\.v: this link is of version 9/);
    expect(errorOf('#s=abc')).toMatch(/^link\.v: .*version none/);
    expect(errorOf('#v=1')).toBe('link.s: the link holds no scenario');
    expect(errorOf('#v=1&s=!!!')).toMatch(/^link\.s: the scenario is damaged/);
    expect(errorOf(PINNED.slice(0, 60))).toMatch(/^link\.s: the scenario is damaged/);
    expect(errorOf(PINNED.replace('step=3', 'step=0'))).toMatch(
      /^link\.step: must be a number from 1/,
    );
    expect(errorOf(PINNED.replace('speed=0.25', 'speed=fast'))).toMatch(/^link\.speed: .*'fast'/);
    expect(errorOf(`#${'a'.repeat(MAX_HASH_LENGTH + 1)}`)).toMatch(/^link: longer than/);
  });

  it('decodeLink of a link whose scenario breaks a rule names the scenario field', () => {
    const bad = { ...scenario, machines: { ...scenario.machines, count: 65 } };
    const link = encodeLink({ ...state, scenario: bad });
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const decoded = decodeLink(link.value);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok)
      expect(decoded.errors[0]).toBe('link scenario machines.count: must be at most 64');
  });
});
