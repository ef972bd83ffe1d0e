/**
 * Share links. The whole state a teacher sees (the scenario, the lesson and its step, the speed,
 * embed options) goes into the URL's hash, so a link reproduces the screen and never reaches a
 * server. The scenario is JSON, deflated and base64url-encoded; the other parts are plain
 * parameters a person can read and edit. The link format has its own version, and the scenario
 * inside keeps its own, so links made by an older build go through the scenario migrations.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Scenario } from '../engine/scenario/schema.ts';
import { parseScenario, type Result } from '../engine/scenario/validate.ts';

export const LINK_VERSION = 1;
/** Chat tools and some browsers cut longer URLs. */
export const MAX_HASH_LENGTH = 8_000;

export interface LinkState {
  scenario: Scenario;
  lesson: string | null;
  step: number;
  speed: number | null;
  embed: boolean;
  autoplay: boolean;
}

export function encodeLink(state: LinkState): Result<string> {
  const params = new URLSearchParams();
  params.set('v', String(LINK_VERSION));
  params.set('s', toBase64Url(deflateSync(strToU8(JSON.stringify(state.scenario)), { level: 9 })));
  if (state.lesson) {
    params.set('lesson', state.lesson);
    params.set('step', String(state.step + 1));
  }
  if (state.speed !== null) params.set('speed', String(state.speed));
  if (state.embed) params.set('embed', '1');
  if (state.autoplay) params.set('autoplay', '1');
  const hash = `#${params.toString()}`;
  if (hash.length > MAX_HASH_LENGTH) {
    return fail(
      `link: the scenario is too large to share as a link (${hash.length} characters, ` +
        `at most ${MAX_HASH_LENGTH}); export it as a file instead`,
    );
  }
  return { ok: true, value: hash };
}

/** Reads a hash; an empty hash is not an error but has no state (`value: null`). */
export function decodeLink(hash: string): Result<LinkState | null> {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return { ok: true, value: null };
  if (text.length > MAX_HASH_LENGTH) return fail(`link: longer than ${MAX_HASH_LENGTH} characters`);
  const params = new URLSearchParams(text);
  const version = params.get('v');
  if (version !== String(LINK_VERSION)) {
    return fail(
      `link.v: this link is of version ${version ?? 'none'}; ` +
        `this build reads version ${LINK_VERSION}`,
    );
  }
  const scenario = readScenario(params.get('s'));
  if (!scenario.ok) return scenario;
  const step = readNumber(params, 'step', 1, 100);
  const speed = readNumber(params, 'speed', 0.01, 1_000_000);
  if (!step.ok) return step;
  if (!speed.ok) return speed;
  return {
    ok: true,
    value: {
      scenario: scenario.value,
      lesson: params.get('lesson'),
      step: step.value === null ? 0 : step.value - 1,
      speed: speed.value,
      embed: params.get('embed') === '1',
      autoplay: params.get('autoplay') === '1',
    },
  };
}

function readScenario(encoded: string | null): Result<Scenario> {
  if (!encoded) return fail('link.s: the link holds no scenario');
  let json: string;
  try {
    json = strFromU8(inflateSync(fromBase64Url(encoded)));
  } catch {
    return fail('link.s: the scenario is damaged (the link may have been cut short)');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('link.s: the scenario is not valid JSON');
  }
  const parsed = parseScenario(raw);
  if (parsed.ok) return parsed;
  return fail(...parsed.errors.map((e) => `link scenario ${e}`));
}

function readNumber(
  params: URLSearchParams,
  name: string,
  min: number,
  max: number,
): Result<number | null> {
  const text = params.get(name);
  if (text === null) return { ok: true, value: null };
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    return fail(`link.${name}: must be a number from ${min} to ${max} (got '${text}')`);
  }
  return { ok: true, value: n };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function fail<T>(...errors: string[]): Result<T> {
  return { ok: false, errors };
}
