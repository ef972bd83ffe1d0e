/**
 * The engine step: how fast the discrete-event engine simulates an M/M/8 queue, against SimPy
 * simulating the same queue on the same machine, and whether its memory stays flat as the run
 * grows. Every measurement is a child process of its own (mm8.ts, simpy_mm8.py) so that memory
 * readings see nothing else. Engine and SimPy runs alternate, so that a busy spell of the
 * machine slows both sides rather than one, and each figure is the median of three runs.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { theoryFor } from '../src/engine/theory/fit.ts';
import { MM8, mm8Scenario, type Mm8Result } from './mm8.ts';
import {
  formatNumber,
  median,
  runChild,
  runJsonChild,
  type BenchStep,
  type ReportRow,
  type StepReport,
} from './step.ts';

const REQUESTS = 1_000_000;
/** The shorter run of the memory check; memory must not grow from it to REQUESTS. */
const SHORT_REQUESTS = 250_000;
const RUNS = 3;
const TARGET_SPEEDUP = 20;
/** Debian's python3-simpy3 lives beside this interpreter; another python may come first. */
const PYTHON = '/usr/bin/python3';

const benchDir = dirname(fileURLToPath(import.meta.url));

interface SimpyResult {
  requests: number;
  wallSec: number;
  peakRssMb: number;
  meanLatencyMs: number;
  simpyVersion: string;
}

function runEngine(
  requests: number,
  seed: number,
  options: { liveHeap?: boolean; warm?: boolean } = {},
): Promise<Mm8Result> {
  const flags = options.liveHeap ? ['--expose-gc'] : [];
  const args = ['--import', 'tsx', ...flags, join(benchDir, 'mm8.ts'), String(requests)];
  args.push(String(seed));
  if (options.liveHeap) args.push('--live-heap');
  if (options.warm) args.push('--warm');
  return runJsonChild<Mm8Result>(process.execPath, args);
}

function runSimpy(requests: number, seed: number): Promise<SimpyResult> {
  const { ratePerSec, serviceMeanMs, servers } = MM8;
  const args = [join(benchDir, 'simpy_mm8.py'), String(requests), String(ratePerSec)];
  args.push(String(serviceMeanMs), String(servers), String(seed));
  return runJsonChild<SimpyResult>(PYTHON, args);
}

/** Why SimPy cannot run here, or null when it can. */
async function simpyMissing(): Promise<string | null> {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  try {
    await runChild(PYTHON, ['-c', 'import simpy']);
    return null;
  } catch {
    return `\`import simpy\` fails under ${PYTHON} (on Debian: apt-get install python3-simpy3)`;
  }
}

/**
 * Speed runs, alternating engine and SimPy; seeds 1..RUNS on both sides. The engine is measured
 * warm (after an unmeasured warm-up run in the same process, the usual way to time a JIT) and
 * cold (the first run in a fresh process, JIT warm-up included); both are reported.
 */
async function speedRuns(withSimpy: boolean) {
  const engine: Mm8Result[] = [];
  const cold: Mm8Result[] = [];
  const simpy: SimpyResult[] = [];
  for (let seed = 1; seed <= RUNS; seed++) {
    engine.push(await runEngine(REQUESTS, seed, { warm: true }));
    cold.push(await runEngine(REQUESTS, seed));
    if (withSimpy) simpy.push(await runSimpy(REQUESTS, seed));
  }
  return { engine, cold, simpy };
}

/** Peak live heap at two lengths of the same run. */
async function memoryRuns() {
  const short: Mm8Result[] = [];
  const long: Mm8Result[] = [];
  for (let seed = 1; seed <= RUNS; seed++) {
    short.push(await runEngine(SHORT_REQUESTS, seed, { liveHeap: true }));
    long.push(await runEngine(REQUESTS, seed, { liveHeap: true }));
  }
  return { short, long };
}

interface Measured {
  /** Why SimPy did not run, or null when it did. */
  missing: string | null;
  speed: { engine: Mm8Result[]; cold: Mm8Result[]; simpy: SimpyResult[] };
  memory: { short: Mm8Result[]; long: Mm8Result[] };
  theoryMs: number;
}

async function measure(): Promise<Measured> {
  const missing = await simpyMissing();
  const speed = await speedRuns(missing === null);
  const memory = await memoryRuns();
  const theory = theoryFor(mm8Scenario(REQUESTS, 1));
  return { missing, speed, memory, theoryMs: theory.fits ? theory.theory.meanResponseMs : NaN };
}

const rate = (r: { requests: number; wallSec: number }) => r.requests / r.wallSec;
const medianOf = <T>(runs: T[], pick: (run: T) => number) => median(runs.map(pick));
const mb = (value: number) => `${formatNumber(value, 1)} MB`;
const perSec = (value: number) => `${formatNumber(value)} req/s`;
const runsNote = (values: number[]) => `runs: ${values.map((v) => formatNumber(v)).join(', ')}`;
const percentOff = (value: number, reference: number) =>
  `${value >= reference ? '+' : ''}${formatNumber((100 * (value - reference)) / reference, 1)}%`;

function speedRows({ missing, speed }: Measured): ReportRow[] {
  const engineRates = speed.engine.map(rate);
  const coldRates = speed.cold.map(rate);
  const rows = [
    { label: 'engine, warm', value: perSec(median(engineRates)), note: runsNote(engineRates) },
    {
      label: 'engine, cold',
      value: perSec(median(coldRates)),
      note: `first run in a fresh process; ${runsNote(coldRates)}`,
    },
  ];
  if (missing !== null) {
    return [...rows, { label: 'SimPy', value: 'skipped', note: `SimPy is missing: ${missing}` }];
  }
  const simpyRates = speed.simpy.map(rate);
  const speedup = median(engineRates) / median(simpyRates);
  const coldSpeedup = median(coldRates) / median(simpyRates);
  const verdict = speedup >= TARGET_SPEEDUP ? 'met' : 'NOT met';
  return [
    ...rows,
    { label: 'SimPy', value: perSec(median(simpyRates)), note: runsNote(simpyRates) },
    {
      label: 'engine / SimPy, warm',
      value: `${formatNumber(speedup, 1)}x`,
      note: `target >= ${TARGET_SPEEDUP}x: ${verdict}`,
    },
    { label: 'engine / SimPy, cold', value: `${formatNumber(coldSpeedup, 1)}x` },
  ];
}

function memoryRows({ missing, speed, memory }: Measured): ReportRow[] {
  const startHeap = medianOf(speed.engine, (r) => r.startHeapUsedMb);
  const startRss = medianOf(speed.engine, (r) => r.startRssMb);
  const rows: ReportRow[] = [
    {
      label: 'engine peak heap used',
      value: mb(medianOf(speed.engine, (r) => r.peakHeapUsedMb)),
      note: `sampled during the run; ${mb(startHeap)} before it`,
    },
    {
      label: 'engine peak RSS',
      value: mb(medianOf(speed.engine, (r) => r.peakRssMb)),
      note: `${mb(startRss)} before the run (node and tsx)`,
    },
  ];
  if (missing === null) {
    rows.push({ label: 'SimPy peak RSS', value: mb(medianOf(speed.simpy, (r) => r.peakRssMb)) });
  }
  const short = medianOf(memory.short, (r) => r.peakHeapUsedMb);
  const long = medianOf(memory.long, (r) => r.peakHeapUsedMb);
  rows.push({
    label: 'live heap, 1M / 250k',
    value: formatNumber(long / short, 3),
    note: `${mb(long)} / ${mb(short)} after GC; about 1 means no growth with run length`,
  });
  return rows;
}

function latencyRows({ missing, speed, theoryMs }: Measured): ReportRow[] {
  const ms = (value: number) => `${formatNumber(value, 2)} ms`;
  const engine = medianOf(speed.engine, (r) => r.meanLatencyMs);
  const rows: ReportRow[] = [
    { label: 'mean latency, theory', value: ms(theoryMs), note: 'M/M/8 (Erlang C)' },
    { label: 'mean latency, engine', value: ms(engine), note: percentOff(engine, theoryMs) },
  ];
  if (missing !== null) return rows;
  const simpy = medianOf(speed.simpy, (r) => r.meanLatencyMs);
  return [
    ...rows,
    { label: 'mean latency, SimPy', value: ms(simpy), note: percentOff(simpy, theoryMs) },
  ];
}

function data(m: Measured): Record<string, unknown> {
  const engineRate = medianOf(m.speed.engine, rate);
  const simpyRate = m.missing === null ? medianOf(m.speed.simpy, rate) : null;
  const liveHeapRatio =
    medianOf(m.memory.long, (r) => r.peakHeapUsedMb) /
    medianOf(m.memory.short, (r) => r.peakHeapUsedMb);
  return {
    model: { ...MM8, requests: REQUESTS, theoryMeanLatencyMs: m.theoryMs },
    engine: { medianRequestsPerSec: engineRate, runs: m.speed.engine },
    engineCold: { medianRequestsPerSec: medianOf(m.speed.cold, rate), runs: m.speed.cold },
    simpy:
      simpyRate === null
        ? { missing: m.missing }
        : { medianRequestsPerSec: simpyRate, runs: m.speed.simpy },
    speedup: simpyRate === null ? null : engineRate / simpyRate,
    memory: { shortRequests: SHORT_REQUESTS, liveHeapRatio, ...m.memory },
  };
}

async function run(): Promise<StepReport> {
  const m = await measure();
  return { rows: [...speedRows(m), ...memoryRows(m), ...latencyRows(m)], data: data(m) };
}

export const engineStep: BenchStep = {
  name: 'engine',
  title: `Engine vs SimPy: M/M/8, ${formatNumber(REQUESTS)} requests, median of ${RUNS} runs`,
  run,
};
