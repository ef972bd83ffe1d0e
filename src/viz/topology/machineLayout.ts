/**
 * The inside of one machine's box: a header naming it, its backlog as a row of slots with the
 * exact count beside it, then its threads and its cores. A few threads are drawn as lanes with
 * the cores in a column beside them, so a line can show which lane each core runs; many threads
 * become a grid of small squares above a row of core chips. Text widths are estimated from the
 * font size rather than measured, which keeps this pure and lets it run without a canvas.
 */
import type { Frame } from '../../worker/protocol.ts';
import {
  clamp,
  gridBounds,
  gridOf,
  packGrid,
  type Grid,
  type Point,
  type Rect,
} from './geometry.ts';

export type ServerModel = Frame['model'];
export type ThreadMode = 'lanes' | 'squares';

/** What a machine's layout depends on; a frame changes it only when the structure changes. */
export interface MachineShape {
  id: number;
  /** Threads drawn (the frame caps them); `threadsTotal` is the exact count. */
  threads: number;
  threadsTotal: number;
  cores: number;
  backlogCapacity: number;
  draining: boolean;
  listening: boolean;
}

/** A queue drawn as slots, with room for its exact count and for '+N' when it overflows. */
export interface SlotRow {
  slots: Grid;
  capacity: number;
  /** Left end of the '+N' text (baseline), when the capacity exceeds the slots drawn. */
  overflowAt: Point | null;
  /** Right end of the 'n/capacity' text (baseline), when there is room for it. */
  countAt: Point | null;
  /** Left end of the row's name (baseline), when there is room for it. */
  labelAt: Point | null;
}

export interface MachineLayout {
  id: number;
  box: Rect;
  fontPx: number;
  title: string;
  titleAt: Point;
  /** Cores and threads, right-aligned in the header, when there is room. */
  detail: string | null;
  detailAt: Point;
  draining: boolean;
  listening: boolean;
  /** Where connections come in: the box's left edge at the backlog row. */
  door: Point;
  backlog: SlotRow;
  /** Message queue: the slot of the request an acceptor holds while the queue is full. */
  acceptor: Rect | null;
  threadMode: ThreadMode;
  threads: Grid;
  threadsTotal: number;
  cores: Grid;
  /** Lanes mode draws a line from each lane on a core to that core. */
  linkCores: boolean;
  /** Height the content needs; the box may be cut down to it. */
  usedH: number;
}

/** Most slots drawn for a backlog; the frame carries at most 64 request ids per backlog. */
export const MAX_BACKLOG_SLOTS = 64;
const LANES_UP_TO = 16;
// Average advance per character, in ems, of the widest common sans-serif faces (DejaVu Sans, as
// Linux falls back to): bold names, regular details, bold digits of counts.
const TITLE_EM = 0.65;
const TEXT_EM = 0.53;
const DIGIT_EM = 0.7;
/** Details and counts are drawn a little smaller than names. */
export const DETAIL_SCALE = 0.92;

export function layoutMachine(shape: MachineShape, model: ServerModel, box: Rect): MachineLayout {
  // Names stay at 9 px or more in any box wide enough for a thread grid worth reading.
  const fontPx = clamp(Math.min(box.w / 15, box.h / 8), box.w >= 100 ? 9 : 8, 14);
  const pad = clamp(fontPx * 0.55, 3, 7);
  const inner = { x: box.x + pad, y: box.y + pad, w: box.w - 2 * pad, h: box.h - 2 * pad };
  const headerH = fontPx * 1.35;
  const rowY = inner.y + headerH;
  const row = layoutBacklogRow(shape, model, inner, rowY, fontPx);
  const bodyY = rowY + row.height + fontPx * 0.5;
  const body = { x: inner.x, y: bodyY, w: inner.w, h: inner.y + inner.h - bodyY };
  const work = layoutWork(shape, body, fontPx);
  const bottom = Math.max(bodyY, gridBottom(work.threads), gridBottom(work.cores));
  const { title, detail } = headerText(shape, model, inner.w, fontPx);
  return {
    id: shape.id,
    box,
    fontPx,
    title,
    titleAt: { x: inner.x, y: inner.y + fontPx },
    detail,
    detailAt: { x: inner.x + inner.w, y: inner.y + fontPx },
    draining: shape.draining,
    listening: shape.listening,
    door: { x: box.x, y: rowY + row.height / 2 },
    backlog: row.slots,
    acceptor: row.acceptor,
    threadsTotal: shape.threadsTotal,
    ...work,
    usedH: bottom + pad - box.y,
  };
}

function gridBottom(grid: Grid): number {
  const b = gridBounds(grid);
  return b.y + b.h;
}

function headerText(shape: MachineShape, model: ServerModel, widthPx: number, fontPx: number) {
  const state = shape.draining ? ' · draining' : shape.listening ? '' : ' · not listening';
  const threadWord = model === 'message-queue' ? 'worker' : 'thread';
  const detail = `${counted(shape.cores, 'core')} · ${counted(shape.threadsTotal, threadWord)}`;
  const candidates: [string, string | null][] = [
    [`machine ${shape.id}${state}`, detail],
    [`m${shape.id}${state}`, detail],
    [`machine ${shape.id}${state}`, null],
    [`m${shape.id}${state}`, null],
  ];
  const fits = ([title, more]: [string, string | null]) =>
    textWidth(title, fontPx, true) +
      (more ? textWidth(more, fontPx * DETAIL_SCALE, false) + fontPx : 0) <=
    widthPx;
  const [title, chosen] = candidates.find(fits) ?? [`m${shape.id}`, null];
  return { title, detail: chosen };
}

function counted(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** An estimate of a label's width in the sans-serif face, erring wide. */
export function textWidth(text: string, fontPx: number, bold: boolean): number {
  return text.length * (bold ? TITLE_EM : TEXT_EM) * fontPx;
}

interface BacklogRowLayout {
  slots: SlotRow;
  acceptor: Rect | null;
  height: number;
}

function layoutBacklogRow(
  shape: MachineShape,
  model: ServerModel,
  inner: Rect,
  rowY: number,
  fontPx: number,
): BacklogRowLayout {
  const slotPx = clamp(fontPx * 0.85, 4, 11);
  const height = Math.max(slotPx, fontPx);
  const baseline = rowY + height / 2 + fontPx * 0.35;
  const right = inner.x + inner.w;
  let x = inner.x;
  let labelAt: Point | null = null;
  if (inner.w >= fontPx * 14) {
    labelAt = { x, y: baseline };
    x += textWidth('backlog', fontPx * DETAIL_SCALE, false) + fontPx * 0.5;
  }
  let acceptor: Rect | null = null;
  if (model === 'message-queue') {
    acceptor = { x, y: rowY + (height - slotPx) / 2, w: slotPx, h: slotPx };
    x += slotPx + fontPx * 0.5;
  }
  const slots = slotRow(shape.backlogCapacity, x, right, rowY, height, slotPx, fontPx);
  return { slots: { ...slots, labelAt }, acceptor, height };
}

/**
 * Slots from `left`, then room for '+N' if they cannot all be drawn, then the exact count up to
 * `right`. A row too short for its count keeps only its slots; the footer has the totals.
 */
export function slotRow(
  capacity: number,
  left: number,
  right: number,
  rowY: number,
  rowH: number,
  slotPx: number,
  fontPx: number,
): Omit<SlotRow, 'labelAt'> {
  const baseline = rowY + rowH / 2 + fontPx * 0.35;
  const digits = String(capacity).length;
  const digitPx = DIGIT_EM * fontPx * DETAIL_SCALE;
  const countW = (digits * 2 + 1) * digitPx + fontPx * 0.4;
  const overflowW = (digits + 1) * digitPx;
  const withCount = right - left - countW >= Math.min(capacity, 4) * slotPx + overflowW;
  const room = withCount ? right - left - countW : right - left;
  const slots = fitSlots(capacity, left, room, rowY + (rowH - slotPx) / 2, slotPx, overflowW);
  const end = left + slots.count * slots.pitchX;
  return {
    slots,
    capacity,
    overflowAt: slots.count < capacity && withCount ? { x: end + 1, y: baseline } : null,
    countAt: withCount ? { x: right, y: baseline } : null,
  };
}

function fitSlots(
  capacity: number,
  left: number,
  room: number,
  y: number,
  slotPx: number,
  overflowW: number,
): Grid {
  const gap = Math.max(1, slotPx * 0.25);
  const minPitch = Math.max(5, slotPx * 0.75);
  const fit = (width: number) => Math.max(0, Math.floor((width + gap) / minPitch));
  let shown = Math.min(capacity, MAX_BACKLOG_SLOTS, fit(room));
  let width = room;
  if (shown < capacity) {
    width = room - overflowW;
    shown = Math.min(shown, fit(width));
  }
  const pitch = shown > 0 ? Math.min(slotPx + gap, (width + gap) / shown) : 0;
  return gridOf(shown, left, y, Math.max(1, shown), Math.max(1, pitch - gap), slotPx, gap);
}

interface WorkLayout {
  threadMode: ThreadMode;
  threads: Grid;
  cores: Grid;
  linkCores: boolean;
}

function layoutWork(shape: MachineShape, body: Rect, fontPx: number): WorkLayout {
  if (shape.threads <= LANES_UP_TO) {
    const lanes = layoutLanes(shape, body, fontPx);
    if (lanes.threads.cellH >= 7 || shape.threads === 0) return lanes;
  }
  return layoutSquares(shape, body);
}

/** Lanes on the left, a column of cores on the right: lines between them read as a mapping. */
function layoutLanes(shape: MachineShape, body: Rect, fontPx: number): WorkLayout {
  const coresW = Math.min(body.w * 0.24, fontPx * 5);
  const linkW = Math.min(body.w * 0.16, fontPx * 4);
  const lanesArea = { x: body.x, y: body.y, w: body.w - coresW - linkW, h: body.h };
  const n = shape.threads;
  const laneH = Math.min(24, lanesArea.h / (n + (n - 1) * 0.35), lanesArea.w / 4);
  const laneW = Math.min(lanesArea.w, laneH * 10);
  const threads =
    laneH >= 9
      ? gridOf(n, lanesArea.x, lanesArea.y, 1, laneW, laneH, laneH * 0.35)
      : packGrid(n, lanesArea, { aspect: 4, maxCellH: 18, gapRatio: 0.35 });
  const coresArea = { x: body.x + body.w - coresW, y: body.y, w: coresW, h: body.h };
  const cores = packGrid(shape.cores, coresArea, { aspect: 1.5, maxCellH: 20, gapRatio: 0.35 });
  return { threadMode: 'lanes', threads, cores, linkCores: threads.cols === 1 };
}

/** A grid of thread squares, then the core chips in a band below it. */
function layoutSquares(shape: MachineShape, body: Rect): WorkLayout {
  const bandH = Math.min(body.h * 0.28, 34);
  const coreBand = { x: body.x, y: 0, w: body.w, h: bandH };
  const coreProbe = packGrid(shape.cores, coreBand, { aspect: 1.5, maxCellH: 12, gapRatio: 0.3 });
  const coresH = gridBounds(coreProbe).h;
  const gap = coresH > 0 ? Math.max(3, coreProbe.cellH * 0.6) : 0;
  const threadsArea = { x: body.x, y: body.y, w: body.w, h: body.h - coresH - gap };
  const threads = packGrid(shape.threads, threadsArea, {
    aspect: 1,
    maxCellH: 18,
    gapRatio: 0.22,
  });
  const coresY = Math.max(body.y, gridBottom(threads)) + gap;
  const cores = { ...coreProbe, y: coresY };
  return { threadMode: 'squares', threads, cores, linkCores: false };
}
