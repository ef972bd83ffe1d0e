/**
 * Scenario versions. A saved file or a shared link must keep opening after the format grows, so
 * each older version has one step that lifts it to the next; migrateToCurrent chains them. A
 * file from a newer build, or of a version never published, is refused by name.
 */
import { SCENARIO_VERSION } from './schema.ts';
import type { Result } from './validate.ts';

type Step = (older: Record<string, unknown>) => Record<string, unknown>;

/** steps[v] lifts a version v document to version v + 1. Version 1 is the first. */
const steps: Record<number, Step> = {};

export function migrateToCurrent(raw: unknown): Result<unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: ['scenario: must be a JSON object'] };
  }
  let doc = raw as Record<string, unknown>;
  const version = doc.version;
  if (version === undefined) return { ok: false, errors: ['version: is required (number)'] };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: ['version: must be a whole number from 1'] };
  }
  if (version > SCENARIO_VERSION) {
    return {
      ok: false,
      errors: [
        `version: this is a version ${version} scenario; ` +
          `this build of Servicescope reads versions 1 to ${SCENARIO_VERSION}`,
      ],
    };
  }
  for (let v = version; v < SCENARIO_VERSION; v++) {
    const step = steps[v];
    if (!step) return { ok: false, errors: [`version: no migration from version ${v}`] };
    doc = step(doc);
  }
  return { ok: true, value: doc };
}
