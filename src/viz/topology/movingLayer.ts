/**
 * The layer drawn on every animation frame, over the static one: thread cells in their state's
 * colour and mark, busy cores and (for lanes) the line to the thread each one runs, then the
 * request dots. Cells and dots are gathered by colour, one path per colour for the whole
 * picture, and no state is saved or restored, so the cost grows with the number of things drawn
 * and not with the number of colour changes.
 */
import { ThreadState } from '../../engine/model.ts';
import type { Frame, MachineFrame, SelectTarget } from '../../worker/protocol.ts';
import type { Palette } from '../palette.ts';
import type { DotField, MutablePoint } from './dots.ts';
import { cellX, cellY, type Grid } from './geometry.ts';
import type { TopologyLayout } from './layout.ts';
import type { Patterns } from './patterns.ts';
import { machineIndexOf, type DotTone } from './places.ts';

const TONES: readonly DotTone[] = ['wire', 'queued', 'held'];
const TINY_DOT_PX = 2;
const TONE_CODE: Record<DotTone, number> = { wire: 0, queued: 1, held: 2 };

/** Where each dot was drawn last, for hit testing: ids and centres, `count` long. */
export class DrawnDots {
  count = 0;
  ids = new Float64Array(1024);
  xs = new Float32Array(1024);
  ys = new Float32Array(1024);
  tones = new Uint8Array(1024);
  radii = new Float32Array(1024);

  reset(): void {
    this.count = 0;
  }

  push(id: number, x: number, y: number, radiusPx: number, tone: number): void {
    if (this.count === this.ids.length) this.grow();
    const i = this.count++;
    this.ids[i] = id;
    this.xs[i] = x;
    this.ys[i] = y;
    this.radii[i] = radiusPx;
    this.tones[i] = tone;
  }

  /** The id of the dot nearest (x, y) within `radius`, or -1. */
  nearest(x: number, y: number, radius: number): number {
    let best = -1;
    let bestD2 = radius * radius;
    for (let i = 0; i < this.count; i++) {
      const dx = this.xs[i]! - x;
      const dy = this.ys[i]! - y;
      const d2 = dx * dx + dy * dy;
      if (d2 <= bestD2) {
        bestD2 = d2;
        best = this.ids[i]!;
      }
    }
    return best;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    this.ids = copyInto(new Float64Array(size), this.ids);
    this.xs = copyInto(new Float32Array(size), this.xs);
    this.ys = copyInto(new Float32Array(size), this.ys);
    this.tones = copyInto(new Uint8Array(size), this.tones);
    this.radii = copyInto(new Float32Array(size), this.radii);
  }
}

function copyInto<T extends Float64Array | Float32Array | Uint8Array>(to: T, from: T): T {
  to.set(from);
  return to;
}

export interface MovingScene {
  ctx: CanvasRenderingContext2D;
  frame: Frame;
  layout: TopologyLayout;
  colors: Palette;
  patterns: Patterns;
  nowMs: number;
  dotRadiusPx: number;
}

export function drawThreads(scene: MovingScene): void {
  const { ctx, colors, patterns } = scene;
  const states = colors.states;
  traceThreads(scene, ThreadState.running);
  ctx.fillStyle = states.running.color;
  ctx.fill();
  // The frame's 2 px stroke covers the idle outline beneath it, so it needs no fill.
  traceThreads(scene, ThreadState.waitingForCore);
  ctx.lineWidth = 2;
  ctx.strokeStyle = states.waitingForCore.color;
  ctx.stroke();
  traceThreads(scene, ThreadState.io);
  ctx.fillStyle = patterns.io;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = states.io.color;
  ctx.stroke();
  traceThreads(scene, ThreadState.waitingToPush);
  ctx.fillStyle = patterns.waitingToPush;
  ctx.fill();
}

/** One path of every drawn thread in `state`, over all machines. */
function traceThreads(scene: MovingScene, state: ThreadState): void {
  const { ctx, frame, layout } = scene;
  ctx.beginPath();
  const machines = Math.min(frame.machines.length, layout.machines.length);
  for (let m = 0; m < machines; m++) {
    const threadState = frame.machines[m]!.threadState;
    const grid = layout.machines[m]!.threads;
    const count = Math.min(grid.count, threadState.length);
    for (let t = 0; t < count; t++) {
      if (threadState[t] === state) insetRect(ctx, grid, t, 1);
    }
  }
}

function insetRect(ctx: CanvasRenderingContext2D, grid: Grid, i: number, inset: number) {
  const w = grid.cellW - 2 * inset;
  const h = grid.cellH - 2 * inset;
  ctx.rect(cellX(grid, i) + inset, cellY(grid, i) + inset, Math.max(0.5, w), Math.max(0.5, h));
}

/** Busy cores filled, cores switching context striped, and lines from lanes to their cores. */
export function drawCores(scene: MovingScene): void {
  const { ctx, colors, patterns } = scene;
  traceCores(scene, false);
  ctx.fillStyle = colors.states.running.color;
  ctx.fill();
  traceCores(scene, true);
  ctx.fillStyle = patterns.switching;
  ctx.fill();
  traceLinks(scene);
  ctx.strokeStyle = colors.states.running.color;
  ctx.lineWidth = 1.4;
  ctx.stroke();
}

function traceCores(scene: MovingScene, switching: boolean): void {
  const { ctx, frame, layout } = scene;
  ctx.beginPath();
  const machines = Math.min(frame.machines.length, layout.machines.length);
  for (let m = 0; m < machines; m++) {
    const machine = frame.machines[m]!;
    const grid = layout.machines[m]!.cores;
    const count = Math.min(grid.count, machine.coreThread.length);
    for (let c = 0; c < count; c++) {
      // -1 is an idle core; -2 runs a thread beyond the drawn ones, and is busy all the same.
      const busy = machine.coreThread[c] !== -1 || machine.coreSwitching[c] === 1;
      if (busy && (machine.coreSwitching[c] === 1) === switching) insetRect(ctx, grid, c, 1);
    }
  }
}

function traceLinks(scene: MovingScene): void {
  const { ctx, frame, layout } = scene;
  ctx.beginPath();
  const machines = Math.min(frame.machines.length, layout.machines.length);
  for (let m = 0; m < machines; m++) {
    const place = layout.machines[m]!;
    if (!place.linkCores) continue;
    const { threads, cores } = place;
    const coreThread = frame.machines[m]!.coreThread;
    const count = Math.min(cores.count, coreThread.length);
    for (let c = 0; c < count; c++) {
      const t = coreThread[c]!;
      if (t < 0 || t >= threads.count) continue;
      ctx.moveTo(cellX(threads, t) + threads.cellW, cellY(threads, t) + threads.cellH / 2);
      ctx.lineTo(cellX(cores, c), cellY(cores, c) + cores.cellH / 2);
    }
  }
}

/** Every dot at its glide position, one path per tone; records where each was drawn. */
export function drawDots(scene: MovingScene, dots: DotField, drawn: DrawnDots): void {
  const { ctx, colors, nowMs } = scene;
  const at: MutablePoint = SCRATCH;
  drawn.reset();
  for (const dot of dots.byId.values()) {
    dots.positionOf(dot, nowMs, at);
    drawn.push(dot.id, at.x, at.y, dot.radiusPx, TONE_CODE[dot.tone]);
  }
  for (const tone of TONES) {
    const code = TONE_CODE[tone];
    ctx.beginPath();
    for (let i = 0; i < drawn.count; i++) {
      if (drawn.tones[i] !== code) continue;
      const x = drawn.xs[i]!;
      const y = drawn.ys[i]!;
      const r = drawn.radii[i]!;
      // Below two pixels a square looks the same as a circle and costs far less to fill.
      if (r < TINY_DOT_PX) {
        ctx.rect(x - r, y - r, 2 * r, 2 * r);
        continue;
      }
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
    }
    ctx.fillStyle = toneColor(tone, colors);
    ctx.fill();
  }
}

const SCRATCH: MutablePoint = { x: 0, y: 0 };

function toneColor(tone: DotTone, colors: Palette): string {
  switch (tone) {
    case 'wire':
      return colors.states.wire.color;
    case 'queued':
      return colors.states.queued.color;
    case 'held':
      return colors.requestInk;
  }
}

/**
 * A ring round the selected request, or a frame round the selected thread and, when it runs, a
 * line to its core and a frame round that: lanes link every core, squares only the selected one.
 */
export function drawSelection(scene: MovingScene, dots: DotField, target: SelectTarget | null) {
  if (!target) return;
  const { ctx, colors } = scene;
  ctx.beginPath();
  if (target.kind === 'request') traceSelectedRequest(scene, dots, target.requestId);
  else traceSelectedThread(scene, target.machineId, target.threadId);
  ctx.strokeStyle = colors.selection;
  ctx.lineWidth = 2;
  ctx.stroke();
}

function traceSelectedRequest(scene: MovingScene, dots: DotField, requestId: number): void {
  const dot = dots.byId.get(requestId);
  if (!dot) return;
  const at = dots.positionOf(dot, scene.nowMs, SCRATCH);
  const r = Math.max(scene.dotRadiusPx, dot.radiusPx * 2.2) + 1;
  scene.ctx.moveTo(at.x + r, at.y);
  scene.ctx.arc(at.x, at.y, r, 0, Math.PI * 2);
}

function traceSelectedThread(scene: MovingScene, machineId: number, threadId: number): void {
  const { ctx, frame, layout } = scene;
  const m = machineIndexOf(frame, machineId);
  const place = layout.machines[m];
  if (!place) return;
  const machine = frame.machines[m]!;
  const { threads, cores } = place;
  const t = threadIndexOf(machine, threadId);
  if (t < 0 || t >= threads.count) return;
  insetRect(ctx, threads, t, -2);
  const c = machine.coreThread.indexOf(t);
  if (c < 0 || c >= cores.count) return;
  insetRect(ctx, cores, c, -2);
  if (place.linkCores) return;
  ctx.moveTo(cellX(threads, t) + threads.cellW / 2, cellY(threads, t) + threads.cellH + 2);
  ctx.lineTo(cellX(cores, c) + cores.cellW / 2, cellY(cores, c) - 2);
}

/** Where a thread is drawn: its id's position, or the id itself from a frame without ids. */
export function threadIndexOf(machine: MachineFrame, threadId: number): number {
  const ids = machine.threadId;
  if (!ids) return threadId < machine.threadState.length ? threadId : -1;
  for (let i = 0; i < ids.length; i++) if (ids[i] === threadId) return i;
  return -1;
}
