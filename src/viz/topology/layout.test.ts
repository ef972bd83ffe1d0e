import { describe, expect, it } from 'vitest';
import { fixtureFrame, type FixtureOptions } from './fixtures.ts';
import { cellAt, cellX, cellY, contains, gridBounds, overlaps, type Rect } from './geometry.ts';
import { layoutSignature, layoutTopology, type TopologyLayout } from './layout.ts';

const PROJECTOR_CANVAS = { width: 900, height: 480 };
const SIZES = [PROJECTOR_CANVAS, { width: 1400, height: 800 }, { width: 640, height: 400 }];
const MODELS = ['thread-per-connection', 'message-queue'] as const;
const CASES: FixtureOptions[] = [
  { machines: 1, cores: 4, threads: 8, backlogCapacity: 64 },
  { machines: 8, cores: 16, threads: 64, backlogCapacity: 128 },
  { machines: 64, cores: 4, threads: 16, backlogCapacity: 32 },
  { machines: 64, cores: 16, threads: 64, backlogCapacity: 1000 },
];

function everyRect(layout: TopologyLayout): Rect[] {
  const rects = [layout.clients, layout.balancer, layout.footer];
  if (layout.shared) rects.push(layout.shared.box, layout.shared.sender);
  for (const m of layout.machines) {
    rects.push(m.box, gridBounds(m.threads), gridBounds(m.cores), gridBounds(m.backlog.slots));
    if (m.acceptor) rects.push(m.acceptor);
  }
  return rects;
}

describe('layoutTopology', () => {
  for (const model of MODELS) {
    for (const options of CASES) {
      for (const size of SIZES) {
        const name = `${model}, ${options.machines} machines, ${size.width}x${size.height}`;
        const layout = layoutTopology(fixtureFrame({ ...options, model }), size);

        it(`keeps everything within the canvas (${name})`, () => {
          const canvas = { x: 0, y: 0, w: size.width, h: size.height };
          for (const rect of everyRect(layout)) expect(contains(canvas, rect)).toBe(true);
        });

        it(`keeps machine boxes apart and their content inside (${name})`, () => {
          const boxes = layout.machines.map((m) => m.box);
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
            }
          }
          for (const m of layout.machines) {
            expect(contains(m.box, gridBounds(m.threads))).toBe(true);
            expect(contains(m.box, gridBounds(m.cores))).toBe(true);
            expect(contains(m.box, gridBounds(m.backlog.slots))).toBe(true);
            const countAt = m.backlog.countAt ?? m.box;
            expect(countAt.x).toBeLessThanOrEqual(m.box.x + m.box.w);
            expect(countAt.y).toBeLessThanOrEqual(m.box.y + m.box.h);
          }
        });

        it(`keeps the front, the shared panel and the machines apart (${name})`, () => {
          const front = [layout.clients, layout.balancer, layout.shared?.box].filter(
            (r): r is Rect => r !== undefined,
          );
          for (const m of layout.machines) {
            for (const r of front) expect(overlaps(m.box, r)).toBe(false);
          }
          if (layout.shared) expect(overlaps(layout.shared.box, layout.balancer)).toBe(false);
        });
      }
    }
  }

  it('draws every thread and core of 8 machines of 16 cores readably at 900x480', () => {
    const frame = fixtureFrame({ machines: 8, cores: 16, threads: 64 });
    const layout = layoutTopology(frame, PROJECTOR_CANVAS);

    expect(layout.machines).toHaveLength(8);
    for (const m of layout.machines) {
      expect(m.threads.count).toBe(64);
      expect(m.cores.count).toBe(16);
      expect(m.threads.cellH).toBeGreaterThanOrEqual(10);
      expect(m.fontPx).toBeGreaterThanOrEqual(9);
      expect(m.detail).not.toBeNull();
    }
  });

  it('uses lanes linked to cores for a few threads, squares for many', () => {
    const few = layoutTopology(fixtureFrame({ threads: 4 }), PROJECTOR_CANVAS).machines[0]!;
    const many = layoutTopology(fixtureFrame({ threads: 200 }), PROJECTOR_CANVAS).machines[0]!;

    expect(few.threadMode).toBe('lanes');
    expect(few.linkCores).toBe(true);
    expect(few.threads.cellW).toBeGreaterThan(few.threads.cellH * 3);
    expect(many.threadMode).toBe('squares');
  });

  it('caps backlog slots and leaves room for +N when the backlog is larger', () => {
    const layout = layoutTopology(fixtureFrame({ backlogCapacity: 5000 }), PROJECTOR_CANVAS);
    const backlog = layout.machines[0]!.backlog;

    expect(backlog.slots.count).toBeLessThanOrEqual(64);
    expect(backlog.overflowAt).not.toBeNull();
    expect(backlog.overflowAt!.x).toBeLessThan(backlog.countAt!.x);
  });

  it('lays out the shared request and response queues for the message-queue model', () => {
    const frame = fixtureFrame({ model: 'message-queue', queueCapacity: 2000 });
    const shared = layoutTopology(frame, PROJECTOR_CANVAS).shared!;

    expect(shared.requestQueue.slots.count).toBe(64);
    expect(shared.requestQueue.slots.rows).toBeGreaterThan(1);
    expect(shared.requestQueue.overflowAt).not.toBeNull();
    expect(shared.responseQueue.overflowAt).not.toBeNull();
    expect(contains(shared.box, shared.sender)).toBe(true);
  });

  it('lays out no machines when there are none', () => {
    const layout = layoutTopology(fixtureFrame({ machines: 0 }), PROJECTOR_CANVAS);

    expect(layout.machines).toEqual([]);
  });
});

describe('cellAt', () => {
  it('finds the cell under a point and misses the gaps', () => {
    const frame = fixtureFrame({ threads: 64 });
    const grid = layoutTopology(frame, PROJECTOR_CANVAS).machines[0]!.threads;

    expect(cellAt(grid, cellX(grid, 9) + 1, cellY(grid, 9) + 1)).toBe(9);
    expect(cellAt(grid, cellX(grid, 9) + grid.cellW + 0.01, cellY(grid, 9) + 1)).toBe(-1);
    expect(cellAt(grid, grid.x - 1, grid.y)).toBe(-1);
  });
});

describe('layoutSignature', () => {
  it('changes with the structure and the size, not with what moves', () => {
    const a = fixtureFrame({ machines: 2, step: 0 });
    const b = fixtureFrame({ machines: 2, step: 3 });
    const c = fixtureFrame({ machines: 3 });

    expect(layoutSignature(a, PROJECTOR_CANVAS)).toBe(layoutSignature(b, PROJECTOR_CANVAS));
    expect(layoutSignature(a, PROJECTOR_CANVAS)).not.toBe(layoutSignature(c, PROJECTOR_CANVAS));
    expect(layoutSignature(a, PROJECTOR_CANVAS)).not.toBe(
      layoutSignature(a, { width: 901, height: 480 }),
    );
  });
});
