/**
 * The engine side of the benchmark: an M/M/8 queue (Poisson arrivals at 700 per second,
 * exponential CPU work of mean 10 ms, one machine with 8 cores and 8 threads, thread per
 * connection with a backlog too large to fill), the same model as simpy_mm8.py.
 *
 * Run as a child process of its own, one measurement each, so that its memory readings see
 * nothing but this run. It runs the scenario in equal slices of virtual time and samples the
 * heap between slices, then prints one line of JSON. With --live-heap (which needs node's
 * --expose-gc) it collects garbage before each sample, so the peak is of live data only, the
 * figure that shows whether memory grows with the length of the run; its rate is not
 * comparable, since the collections take time.
 *
 * With --warm it first runs the same M/M/8 twice with other seeds, unmeasured, so that the
 * measured run sees code the JIT has finished optimising (V8 settles only after a second full
 * run: the first ones still deoptimise and recompile), as a page or a test suite does after its
 * first runs; without it the figure includes the JIT's warm-up, and the bench reports both.
 *
 * Usage: node --import tsx [--expose-gc] bench/mm8.ts REQUESTS SEED [--live-heap] [--warm]
 */
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Simulation } from '../src/engine/simulation.ts';
import { scenarioSchema, type Scenario } from '../src/engine/scenario/schema.ts';
import { summarize } from '../src/engine/summary.ts';

export const MM8 = { ratePerSec: 700, serviceMeanMs: 10, servers: 8 } as const;

/**
 * Heap samples per run, the same for every length so that peaks compare fairly. Fewer when each
 * sample first collects garbage, which takes milliseconds.
 */
const SAMPLES = 200;
const LIVE_SAMPLES = 50;
const MB = 1024 * 1024;

export interface Mm8Result {
  requests: number;
  wallSec: number;
  requestsPerSec: number;
  peakHeapUsedMb: number;
  peakRssMb: number;
  /** The heap and RSS after loading, before the run: what the runtime costs by itself. */
  startHeapUsedMb: number;
  startRssMb: number;
  meanLatencyMs: number;
  liveHeap: boolean;
}

/** Enough virtual time for `requests` arrivals on average. */
export function mm8Scenario(requests: number, seed: number): Scenario {
  return scenarioSchema.parse({
    version: 1,
    name: `M/M/8, ${requests} requests`,
    seed,
    durationSec: requests / MM8.ratePerSec,
    load: { pattern: 'poisson', ratePerSec: MM8.ratePerSec },
    request: { cpuMs: { dist: 'exponential', mean: MM8.serviceMeanMs } },
    machines: { count: 1, cores: MM8.servers, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: MM8.servers, backlog: 1_000_000 },
  });
}

const WARM_UP_RUNS = 2;

export function measureMm8(
  requests: number,
  seed: number,
  liveHeap: boolean,
  warm = false,
): Mm8Result {
  if (warm) warmUp(requests, seed);
  const collect = liveHeap ? garbageCollector() : () => {};
  collect();
  const start = process.memoryUsage();
  const sim = new Simulation(mm8Scenario(requests, seed), { trackRequests: false });
  const samples = liveHeap ? LIVE_SAMPLES : SAMPLES;
  const sliceMs = sim.durationMs / samples;
  let peakHeapUsed = 0;

  const started = performance.now();
  for (let slice = 1; slice <= samples; slice++) {
    sim.runUntil(slice * sliceMs);
    collect();
    // Cheaper than process.memoryUsage(), which also reads the RSS from the system.
    peakHeapUsed = Math.max(peakHeapUsed, getHeapStatistics().used_heap_size);
  }
  const wallSec = (performance.now() - started) / 1000;

  const summary = summarize(sim);
  return {
    requests: summary.arrived,
    wallSec,
    requestsPerSec: summary.arrived / wallSec,
    peakHeapUsedMb: peakHeapUsed / MB,
    // maxRSS is in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    startHeapUsedMb: start.heapUsed / MB,
    startRssMb: start.rss / MB,
    meanLatencyMs: summary.latencyMs.mean,
    liveHeap,
  };
}

function warmUp(requests: number, seed: number): void {
  for (let k = 1; k <= WARM_UP_RUNS; k++) {
    const scenario = mm8Scenario(requests, seed + 1000 * k);
    const sim = new Simulation(scenario, { trackRequests: false });
    sim.runUntil(sim.durationMs);
  }
}

function garbageCollector(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('--live-heap needs node --expose-gc');
  return gc;
}

function main(argv: readonly string[]): void {
  const requests = Number(argv[0]);
  const seed = Number(argv[1]);
  if (!(Number.isInteger(requests) && requests > 0 && Number.isInteger(seed) && seed >= 0)) {
    throw new Error('usage: mm8.ts REQUESTS SEED [--live-heap] [--warm]');
  }
  const result = measureMm8(requests, seed, argv.includes('--live-heap'), argv.includes('--warm'));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
