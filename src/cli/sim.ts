/**
 * `npm run --silent sim -- FILE|NAME [--json] [--seed N] [--duration SEC]`: runs a scenario file,
 * or a bundled scenario by name, to its end and prints its figures. Bad input exits with status 2
 * and one line that names the problem, never a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, parseScenarioText } from '../engine/scenario/validate.ts';
import { runToEnd } from '../engine/run.ts';
import { parseArgs, type SimArgs } from './args.ts';
import { formatSummary } from './format.ts';

const bundledDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return refuse(parsed.error);
  const path = locate(parsed.args.target);
  if (!path) return refuse(`${parsed.args.target}: no such file or bundled scenario`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return refuse(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const scenario = withOverrides(text, parsed.args);
  if (!scenario.ok) return refuse(`${path}: ${scenario.errors.join('; ')}`);
  const started = performance.now();
  const { summary } = runToEnd(scenario.value, { trackRequests: false });
  const wallMs = Math.round(performance.now() - started);
  if (parsed.args.json) process.stdout.write(`${JSON.stringify({ ...summary, wallMs })}\n`);
  else process.stdout.write(formatSummary(scenario.value, summary, wallMs));
  return 0;
}

function locate(target: string): string | null {
  if (existsSync(target)) return resolve(target);
  const bundled = join(bundledDir, target.endsWith('.json') ? target : `${target}.json`);
  return existsSync(bundled) ? bundled : null;
}

/** Overrides go through the same validation as the file, so `--seed -1` is refused by name. */
function withOverrides(text: string, args: SimArgs) {
  const first = parseScenarioText(text);
  if (!first.ok || (args.seed === null && args.durationSec === null)) return first;
  const raw: Record<string, unknown> = { ...first.value };
  if (args.seed !== null) raw.seed = args.seed;
  if (args.durationSec !== null) raw.durationSec = args.durationSec;
  const result = parseScenario(raw);
  if (result.ok) return result;
  const named = result.errors.map((e) =>
    e.replace(/^seed:/, '--seed:').replace(/^durationSec:/, '--duration:'),
  );
  return { ok: false as const, errors: named };
}

function refuse(message: string): number {
  process.stderr.write(`sim: ${message}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
