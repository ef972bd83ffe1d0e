/**
 * `npm run bench`: runs every benchmark step in turn, prints a table per step and writes all
 * figures as JSON to a file under the system's temporary directory. Steps measure against a
 * baseline taken in the same run, so the ratios mean more than the absolute figures, which
 * move with the machine and whatever else it is doing.
 *
 * A new benchmark is a BenchStep (see step.ts) added to STEPS.
 *
 * Usage: npm run bench [-- STEP_NAME ...]   (no names: every step)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineStep } from './engine.ts';
import { framesStep } from './frames.ts';
import { formatNumber, type BenchStep, type ReportRow } from './step.ts';

const STEPS: BenchStep[] = [engineStep, framesStep];

function chosenSteps(names: readonly string[]): BenchStep[] {
  if (names.length === 0) return STEPS;
  const unknown = names.filter((name) => !STEPS.some((step) => step.name === name));
  if (unknown.length > 0) {
    const known = STEPS.map((step) => step.name).join(', ');
    throw new Error(`unknown bench step ${unknown.join(', ')}; steps are: ${known}`);
  }
  return STEPS.filter((step) => names.includes(step.name));
}

function table(rows: readonly ReportRow[]): string {
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const valueWidth = Math.max(...rows.map((row) => row.value.length));
  const line = (row: ReportRow) =>
    `  ${row.label.padEnd(labelWidth)}  ${row.value.padStart(valueWidth)}  ${row.note ?? ''}`;
  return rows.map((row) => line(row).trimEnd()).join('\n');
}

function machine() {
  const cores = cpus();
  return {
    node: process.version,
    platform: process.platform,
    cpus: cores.length,
    cpu: cores[0]?.model,
  };
}

function writeResults(results: Record<string, unknown>): string {
  const dir = join(tmpdir(), 'servicescope-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'latest.json');
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}

async function main(names: readonly string[]): Promise<void> {
  const steps = chosenSteps(names);
  const about = machine();
  console.log(`Servicescope bench: node ${about.node}, ${about.cpus} CPUs (${about.cpu ?? '?'})`);
  const results: Record<string, unknown> = {};

  for (const step of steps) {
    console.log(`\n${step.title}`);
    const started = performance.now();
    const report = await step.run();
    const wallSec = (performance.now() - started) / 1000;
    console.log(table(report.rows));
    console.log(`  (${formatNumber(wallSec, 1)} s)`);
    results[step.name] = { ...report.data, wallSec };
  }

  console.log(
    '\nWall-clock figures move by several percent from run to run with machine load; ' +
      'read the ratios, which compare runs made side by side.',
  );
  const path = writeResults({ generatedAt: new Date().toISOString(), machine: about, ...results });
  console.log(`Results: ${path}`);
}

await main(process.argv.slice(2));
