/**
 * What a benchmark step is, and the helpers steps share. A step measures one thing against a
 * baseline measured in the same run (DESIGN.md: speed and memory are ratios, never timed
 * assertions), and reports rows for the printed table plus data for the JSON file.
 */
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ReportRow {
  label: string;
  value: string;
  note?: string;
}

export interface StepReport {
  rows: ReportRow[];
  /** Everything measured, for the JSON file. */
  data: Record<string, unknown>;
}

export interface BenchStep {
  /** A short id, the key of the step's data in the JSON file. */
  name: string;
  title: string;
  run(): Promise<StepReport>;
}

export interface ChildResult {
  stdout: string;
  stderr: string;
}

/** The repository's root, where node resolves packages such as tsx from. */
export const ROOT_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

/** Runs a program to its end in ROOT_DIR; rejects with its stderr when it fails. */
export function runChild(file: string, args: readonly string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const options = { cwd: ROOT_DIR, maxBuffer: 16 * 1024 * 1024, env: process.env };
    execFile(file, args, options, (error, stdout, stderr) => {
      if (error) {
        const detail = stderr.trim() || error.message;
        reject(new Error(`${file} ${args.join(' ')} failed: ${detail}`));
        return;
      }
      resolve({ stdout, stderr });
    });
  });
}

/** Runs a program that prints one line of JSON last, and returns that line parsed. */
export async function runJsonChild<T>(file: string, args: readonly string[]): Promise<T> {
  const { stdout } = await runChild(file, args);
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '') as T;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle]!;
  return (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Formats a number with thousands separators and a fixed number of decimals. */
export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}
