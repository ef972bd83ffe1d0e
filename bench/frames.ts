/**
 * The frames step: whether the page keeps its frames under load. The built app is served by
 * `vite preview` and opened in headless Chromium at 1280x720; the controls set up 8 machines of
 * 16 cores taking 5,000 requests per second, playing at 1x. In the page, the intervals between
 * animation frames are recorded from requestAnimationFrame timestamps, and main-thread tasks
 * over 50 ms from a PerformanceObserver of 'longtask' entries. The baseline is the same page
 * paused (still drawing every frame, with no new frames from the engine), measured in the same
 * run. Aims: a p95 frame interval within 20 ms and no task over 50 ms.
 *
 * Register it in run.ts: `import { framesStep } from './frames.ts'` and add it to STEPS. It also
 * runs on its own: `npx tsx bench/frames.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { formatNumber, ROOT_DIR, runChild, type BenchStep, type StepReport } from './step.ts';

const MEASURE_MS = 10_000;
const BASELINE_MS = 5_000;
const WARM_UP_MS = 2_000;
const AIM_P95_MS = 20;
const AIM_TASK_MS = 50;
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** What the page recorded over one measurement. */
interface PageTimings {
  intervalsMs: number[];
  longTasksMs: number[];
  simulatedSec: number;
}

export interface FrameFigures {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  longTasks: number;
  maxTaskMs: number;
  achievedSpeed: number;
}

export const framesStep: BenchStep = {
  name: 'frames',
  title: 'Frames: the page under 8 machines x 16 cores at 5,000 requests/s, 1x (headless Chromium)',
  run: measureFrames,
};

async function measureFrames(): Promise<StepReport> {
  await ensureBuilt();
  const server = await preview({ root: ROOT_DIR, preview: { port: 0, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  const browser = await chromium.launch({
    executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openAtLoad(page, url);
    const loaded = figuresOf(await record(page, MEASURE_MS), MEASURE_MS);
    await page.getByRole('button', { name: 'Pause' }).click();
    const baseline = figuresOf(await record(page, BASELINE_MS), BASELINE_MS);
    return report(loaded, baseline);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function ensureBuilt(): Promise<void> {
  if (existsSync(join(ROOT_DIR, 'dist', 'index.html'))) return;
  await runChild(process.execPath, [
    join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
  ]);
}

/** Sets the load up through the controls, as a person would, and lets it settle. */
async function openAtLoad(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByLabel('Load pattern', { exact: true }).selectOption('poisson');
  const settings: [string, number][] = [
    ['Arrival rate', 5000],
    ['Machines', 8],
    ['Cores per machine', 16],
    ['Threads per machine', 32],
    ['Backlog', 64],
  ];
  for (const [label, value] of settings) {
    const input = page.getByLabel(label, { exact: true });
    await input.fill(String(value));
    await input.press('Enter');
  }
  await page.getByLabel('Speed', { exact: true }).selectOption('1');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(WARM_UP_MS);
}

/** Records frame intervals and long tasks in the page for `durationMs` of wall time. */
async function record(page: Page, durationMs: number): Promise<PageTimings> {
  const startSec = await simulatedSec(page);
  const timings = await page.evaluate<Omit<PageTimings, 'simulatedSec'>>(
    `(${RECORD_IN_PAGE})(${durationMs})`,
  );
  return { ...timings, simulatedSec: (await simulatedSec(page)) - startSec };
}

/**
 * The recorder that runs inside the page, as source text: tsx wraps named functions in a helper
 * that does not exist in the page, so a function passed to page.evaluate would fail there.
 */
const RECORD_IN_PAGE = `(durationMs) => new Promise((resolve) => {
  const intervalsMs = [];
  const longTasksMs = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasksMs.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let firstMs = -1;
  let lastMs = -1;
  const tick = (nowMs) => {
    if (lastMs >= 0) intervalsMs.push(nowMs - lastMs);
    if (firstMs < 0) firstMs = nowMs;
    lastMs = nowMs;
    if (nowMs - firstMs < durationMs) return void requestAnimationFrame(tick);
    observer.disconnect();
    resolve({ intervalsMs, longTasksMs });
  };
  requestAnimationFrame(tick);
})`;

async function simulatedSec(page: Page): Promise<number> {
  const text = (await page.getByTestId('clock').textContent()) ?? '';
  return Number(/t = ([\d.]+) s/.exec(text)?.[1] ?? NaN);
}

function figuresOf(timings: PageTimings, durationMs: number): FrameFigures {
  const sorted = [...timings.intervalsMs].sort((a, b) => a - b);
  return {
    frames: sorted.length,
    p50Ms: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    maxMs: sorted[sorted.length - 1] ?? 0,
    longTasks: timings.longTasksMs.length,
    maxTaskMs: Math.max(0, ...timings.longTasksMs),
    achievedSpeed: timings.simulatedSec / (durationMs / 1000),
  };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function report(loaded: FrameFigures, baseline: FrameFigures): StepReport {
  const ms = (x: number) => `${formatNumber(x, 1)} ms`;
  const ratio = baseline.p95Ms > 0 ? loaded.p95Ms / baseline.p95Ms : NaN;
  const p95Verdict = loaded.p95Ms <= AIM_P95_MS ? 'within' : 'over';
  const taskVerdict = loaded.maxTaskMs <= AIM_TASK_MS ? 'within' : 'over';
  return {
    rows: [
      { label: 'frames drawn in 10 s', value: String(loaded.frames) },
      { label: 'frame interval p50', value: ms(loaded.p50Ms) },
      {
        label: 'frame interval p95',
        value: ms(loaded.p95Ms),
        note: `${p95Verdict} the ${AIM_P95_MS} ms aim`,
      },
      { label: 'frame interval max', value: ms(loaded.maxMs) },
      { label: 'long tasks (> 50 ms)', value: String(loaded.longTasks) },
      {
        label: 'longest task',
        value: ms(loaded.maxTaskMs),
        note: `${taskVerdict} the ${AIM_TASK_MS} ms aim`,
      },
      { label: 'simulated speed achieved', value: `${formatNumber(loaded.achievedSpeed, 2)}x` },
      { label: 'paused baseline p95', value: ms(baseline.p95Ms) },
      { label: 'paused baseline long tasks', value: String(baseline.longTasks) },
      { label: 'p95 ratio to baseline', value: `${formatNumber(ratio, 2)}x` },
    ],
    data: { loaded, baseline, p95RatioToBaseline: ratio },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { rows } = await measureFrames();
  for (const row of rows)
    console.log(`${row.label.padEnd(28)} ${row.value.padStart(10)}  ${row.note ?? ''}`);
}
