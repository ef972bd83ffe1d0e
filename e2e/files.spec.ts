import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { runToEnd } from '../src/engine/run.ts';
import { scenarioSchema } from '../src/engine/scenario/schema.ts';
import type { RunSummary } from '../src/engine/summary.ts';
import { metric, openApp } from './helpers.ts';

const SHORT_RUN = {
  version: 1,
  name: 'Short imported run',
  seed: 21,
  durationSec: 20,
  load: { pattern: 'poisson', ratePerSec: 150 },
  request: { cpuMs: { dist: 'exponential', mean: 10 } },
  machines: { count: 1, cores: 1, coreSpeed: 1 },
  server: { model: 'thread-per-connection', threads: 2, backlog: 10 },
};

async function importScenario(page: Page, name: string, content: unknown): Promise<void> {
  await page.getByLabel('Import scenario').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
  });
}

test('importing a bad file names the field and keeps the run going', async ({ page }) => {
  await openApp(page);
  const before = await page.getByLabel('Scenario', { exact: true }).inputValue();
  await importScenario(page, 'broken.json', {
    ...SHORT_RUN,
    machines: { count: 1, cores: 0, coreSpeed: 1 },
  });
  await expect(page.getByRole('alert')).toContainText('machines.cores: must be at least 1');
  await importScenario(page, 'not-json.json', '{ "version": 1, ');
  await expect(page.getByRole('alert')).toContainText('scenario: not valid JSON');
  await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue(before);
  await expect(page.getByTestId('achieved-speed')).toHaveText(/running/);
});

test('an imported run exports CSV and JSON whose figures match the counters on screen', async ({
  page,
}) => {
  await openApp(page);
  await importScenario(page, 'short.json', SHORT_RUN);
  await expect(page.getByRole('status')).toContainText('Loaded short.json');
  await page.getByLabel('Speed', { exact: true }).selectOption('10');
  await expect(page.getByTestId('achieved-speed')).toHaveText('finished', { timeout: 30_000 });
  const completed = await metric(page, 'completed');
  const dropped = await metric(page, 'dropped');
  expect(completed).toBeGreaterThan(1500);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await csvDownload).path(), 'utf8');
  const [header, ...rows] = csv.trim().split('\n');
  const columns = header!.split(',');
  const column = (name: string) => rows.map((r) => Number(r.split(',')[columns.indexOf(name)]));
  const times = column('time_s');
  const pointSec = times[1]! - times[0]!;
  const total = (name: string) => Math.round(column(name).reduce((a, b) => a + b, 0) * pointSec);
  expect(times[times.length - 1]).toBe(20);
  expect(total('throughput_per_s')).toBe(completed);
  expect(total('dropped_per_s')).toBe(dropped);

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const json = JSON.parse(await readFile(await (await jsonDownload).path(), 'utf8')) as {
    summary: RunSummary;
  };
  expect(json.summary.completed).toBe(completed);
  expect(json.summary.dropped).toBe(dropped);

  // One scenario and seed, one result: the browser's run is the run Node makes of the same file.
  const inNode = runToEnd(scenarioSchema.parse(SHORT_RUN)).summary;
  // Only the event count differs: the page samples its charts four times as often (more ticks).
  const { events: _browserEvents, ...browser } = json.summary;
  const { events: _nodeEvents, ...node } = JSON.parse(JSON.stringify(inNode)) as RunSummary;
  expect(browser).toEqual(node);

  const scenarioDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export scenario' }).click();
  const exported: unknown = JSON.parse(
    await readFile(await (await scenarioDownload).path(), 'utf8'),
  );
  expect(exported).toMatchObject(SHORT_RUN);

  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Charts as SVG' }).click();
  const svg = await readFile(await (await svgDownload).path(), 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('Throughput');

  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Charts as PNG' }).click();
  const png = await readFile(await (await pngDownload).path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
});
