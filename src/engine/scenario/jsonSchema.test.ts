import { readFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './jsonSchema.ts';
import { parseScenario } from './validate.ts';

const root = new URL('../../../', import.meta.url);

describe('the published scenario format', () => {
  it('public/scenario.schema.json is what `npm run schema` writes from the zod schema', () => {
    const published: unknown = JSON.parse(
      readFileSync(new URL('public/scenario.schema.json', root), 'utf8'),
    );
    expect(published).toEqual(scenarioJsonSchema());
  });

  it('every bundled example in scenarios/ is a valid scenario', () => {
    const files = readdirSync(new URL('scenarios/', root)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const raw: unknown = JSON.parse(readFileSync(new URL(`scenarios/${file}`, root), 'utf8'));
      const parsed = parseScenario(raw);
      expect(parsed.ok ? 'valid' : `${file}: ${parsed.errors.join('; ')}`).toBe('valid');
    }
  });
});
