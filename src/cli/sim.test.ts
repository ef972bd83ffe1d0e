import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.ts';

const root = new URL('../../', import.meta.url).pathname;

/** Runs the command as a person would, through tsx, and returns what it printed. */
function sim(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('parseArgs', () => {
  it('parseArgs reads a file, --json, --seed and --duration', () => {
    expect(parseArgs(['x.json', '--json', '--seed', '4', '--duration', '30'])).toEqual({
      ok: true,
      args: { target: 'x.json', json: true, seed: 4, durationSec: 30 },
    });
  });

  it('parseArgs refuses what it does not know, naming it', () => {
    expect(parseArgs([])).toMatchObject({ ok: false, error: /^no scenario given/ });
    expect(parseArgs(['a', '--fast'])).toMatchObject({
      ok: false,
      error: /^--fast: unknown option/,
    });
    expect(parseArgs(['a', '--seed'])).toMatchObject({ ok: false, error: '--seed: needs a value' });
    expect(parseArgs(['a', '--seed', 'x'])).toMatchObject({ ok: false, error: /^--seed: 'x'/ });
    expect(parseArgs(['a', 'b'])).toMatchObject({ ok: false, error: /^b: only one scenario/ });
  });
});

describe('npm run sim', () => {
  it('prints exactly one JSON object whose counts add up', () => {
    const out = sim('mm1', '--json', '--duration', '60');
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]!) as Record<string, number>;
    for (const key of [
      'arrived',
      'completed',
      'dropped',
      'timedOut',
      'inFlight',
      'events',
      'wallMs',
    ]) {
      expect(typeof r[key]).toBe('number');
    }
    expect(r.arrived).toBe(r.completed! + r.dropped! + r.timedOut! + r.inFlight!);
    expect(r).toHaveProperty('latencyMs.p99');
    expect(r).toHaveProperty('waitMs.mean');
  });

  it('gives the same figures for the same seed, and others for another', () => {
    const figures = (seed: string) => {
      const { wallMs: _wallMs, ...rest } = JSON.parse(
        sim('web-burst', '--json', '--seed', seed, '--duration', '20').stdout,
      ) as Record<string, unknown>;
      return rest;
    };
    expect(figures('5')).toEqual(figures('5'));
    expect(figures('5')).not.toEqual(figures('6'));
  });

  it('prints a readable summary without --json', () => {
    const out = sim('scenarios/web-burst.json', '--duration', '20');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^Thread per connection under a burst: thread-per-connection/);
    expect(out.stdout).toMatch(/throughput {2}[\d.]+ responses\/s/);
  });

  it('exits with status 2 and one line for a missing file, bad JSON or a broken rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'servicescope-sim-'));
    const badJson = join(dir, 'bad.json');
    writeFileSync(badJson, '{ "version": 1,');
    const badRule = join(dir, 'rule.json');
    writeFileSync(badRule, JSON.stringify({ version: 2 }));
    const cases: [string[], RegExp][] = [
      [['nowhere.json'], /^sim: nowhere.json: no such file or bundled scenario$/],
      [[badJson], /^sim: .*bad.json: scenario: not valid JSON/],
      [[badRule], /^sim: .*rule.json: version: this is a version 2 scenario/],
      [['mm1', '--seed', '-1'], /^sim: .*mm1.json: --seed: must be at least 0$/],
      [['mm1', '--duration', '0'], /^sim: .*mm1.json: --duration: must be greater than 0/],
    ];
    for (const [args, message] of cases) {
      const out = sim(...args);
      expect(out.status).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr.trim()).toMatch(message);
    }
  });
});
