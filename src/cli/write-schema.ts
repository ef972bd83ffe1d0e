/**
 * Writes public/scenario.schema.json from the zod schema, so the published JSON Schema can never
 * drift from what the engine accepts. A test checks that the committed file is up to date.
 */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../engine/scenario/jsonSchema.ts';

const path = new URL('../../public/scenario.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${path.pathname}\n`);
