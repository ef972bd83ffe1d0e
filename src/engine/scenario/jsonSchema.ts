/**
 * The scenario format as a JSON Schema (draft 2020-12), generated from the zod schema that the
 * engine itself uses, for editors and other tools.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'scenario.schema.json',
    title: 'Servicescope scenario, version 1',
  };
}
