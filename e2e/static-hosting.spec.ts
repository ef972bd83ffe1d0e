import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import { openApp, simulatedSec } from './helpers.ts';

// A plain static host that serves the built app from a sub-path and sends no special headers
// (no COOP/COEP), as GitHub Pages or a course website would.
const SUB_PATH = '/course/servicescope/';
const DIST = join(import.meta.dirname, '..', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
};

function serveDist(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    if (!path.startsWith(SUB_PATH)) return void response.writeHead(404).end();
    const relative = normalize(path.slice(SUB_PATH.length) || 'index.html');
    if (relative.startsWith('..')) return void response.writeHead(403).end();
    readFile(join(DIST, relative)).then(
      (body) => {
        const type = TYPES[extname(relative)] ?? 'application/octet-stream';
        response.writeHead(200, { 'Content-Type': type }).end(body);
      },
      () => void response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}${SUB_PATH}` });
    });
  });
}

function stop(server: Server): void {
  if (!server.listening) return;
  server.closeAllConnections();
  server.close();
}

test('the built page refers to its files by relative paths', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect(url).toMatch(/^\.\//);
});

test('the app runs from a sub-path, and offline after the first visit', async ({
  page,
  context,
}) => {
  const { server, url } = await serveDist();
  try {
    await openApp(page, url);
    // The service worker has cached the app once it is active.
    const serviceWorkerState = () =>
      page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
    await expect.poll(serviceWorkerState).toBe('activated');

    await context.setOffline(true);
    stop(server);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Servicescope' })).toBeVisible();
    await expect.poll(() => simulatedSec(page)).toBeGreaterThan(0.5);
  } finally {
    await context.setOffline(false);
    stop(server);
  }
});
