/**
 * Turns untrusted input into a scenario or into messages a person can act on. Every message
 * names the field by its path (`server.backlog`) and the rule it broke, in plain words.
 */
import type { z } from 'zod';
import { patchSchema, scenarioSchema, type Patch, type Scenario } from './schema.ts';
import { migrateToCurrent } from './migrate.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const MAX_ERRORS = 8;

/** Zod leaves the offending value out of an issue unless asked; messages quote its type. */
export const PARSE_OPTIONS = { reportInput: true } as const;

export function parseScenario(raw: unknown): Result<Scenario> {
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) return migrated;
  return fromZod(scenarioSchema.safeParse(migrated.value, PARSE_OPTIONS));
}

export function parseScenarioText(text: string): Result<Scenario> {
  if (text.length > 1_000_000) return fail('scenario: the file is larger than 1 MB');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(`scenario: not valid JSON (${(error as Error).message})`);
  }
  return parseScenario(raw);
}

export function parsePatch(raw: unknown): Result<Patch> {
  return fromZod(patchSchema.safeParse(raw, PARSE_OPTIONS));
}

export function fail<T>(...errors: string[]): Result<T> {
  return { ok: false, errors };
}

function fromZod<T>(result: z.ZodSafeParseResult<T>): Result<T> {
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.slice(0, MAX_ERRORS).map(describeIssue);
  return { ok: false, errors };
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : 'scenario';
  return `${field}: ${describeRule(issue)}`;
}

function describeRule(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return issue.inclusive === false
        ? `must be less than ${String(issue.maximum)}`
        : `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.inclusive === false && Number(issue.minimum) === 0
        ? 'must be greater than 0'
        : `must be at least ${String(issue.minimum)}`;
    case 'invalid_type':
      return issue.input === undefined
        ? `is required (${issue.expected})`
        : `must be ${article(issue.expected)} (got ${typeName(issue.input)})`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${quoted(issue.keys)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? `must be one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`
        : 'is not any of the accepted forms';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function quoted(keys: readonly string[]): string {
  return keys.map((k) => `'${k}'`).join(', ');
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (typeof input === 'number' && Number.isFinite(input)) return String(input);
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return typeof input;
}
