/**
 * The message-queue model's shared panel: the request queue that every machine's workers pull
 * from, drawn as rows of slots, and below it the response queue and the sender that returns
 * answers to clients. Each queue has its name, then a line with its exact length (and how many
 * it holds beyond the slots drawn), then its slots; lines of text under them carry the exact
 * counts of workers waiting to pop, acceptors blocked on a full queue and workers waiting to push.
 */
import {
  clamp,
  gridBounds,
  gridOf,
  packGrid,
  type Grid,
  type Point,
  type Rect,
} from './geometry.ts';

export interface SharedShape {
  requestQueueCapacity: number;
  responseQueueCapacity: number;
}

export interface QueueBlock {
  titleAt: Point;
  /** Left end of 'length/capacity' (baseline). */
  countAt: Point;
  /** Right end of '+N more' (baseline), when the capacity exceeds the slots drawn. */
  overflowAt: Point | null;
  slots: Grid;
  capacity: number;
}

export interface SharedLayout {
  box: Rect;
  fontPx: number;
  requestQueue: QueueBlock;
  /** Baselines of the lines under the request queue: workers waiting, acceptors blocked. */
  requestNotesAt: [Point, Point];
  responseQueue: QueueBlock;
  senderLabelAt: Point;
  sender: Rect;
  responseNoteAt: Point;
  /** Where published requests come in, and where rejected ones fall out. */
  door: Point;
  /** Where answers leave toward the balancer and the clients. */
  exit: Point;
}

/** Most slots drawn for the request queue; the frame carries at most 64 ids. */
const MAX_REQUEST_SLOTS = 64;
const MAX_RESPONSE_SLOTS = 16;
/** A response queue this large is the schema's "never fills" default, so no capacity is shown. */
export const UNBOUNDED_CAPACITY = 1_000_000;
/** Notes are drawn a little smaller than names and counts. */
export const NOTE_SCALE = 0.85;

/** The panel at the top of `area`, moved down to the middle when it is shorter. */
export function layoutShared(shape: SharedShape, area: Rect, fontPx: number): SharedLayout {
  const top = layoutFrom(shape, area, area.y, fontPx);
  const spare = area.h - top.box.h;
  return spare > 1 ? layoutFrom(shape, area, area.y + spare / 2, fontPx) : top;
}

function layoutFrom(shape: SharedShape, area: Rect, top: number, fontPx: number): SharedLayout {
  const pad = clamp(fontPx * 0.7, 5, 10);
  const inner = { x: area.x + pad, y: top + pad, w: area.w - 2 * pad, h: area.h - 2 * pad };
  const line = fontPx * 1.4;
  const noteLine = line * NOTE_SCALE;
  const requestRoom = Math.min(inner.h * 0.42, fontPx * 11);
  const requestCapacity = shape.requestQueueCapacity;
  const request = queueBlock(
    requestCapacity,
    MAX_REQUEST_SLOTS,
    inner,
    inner.y,
    requestRoom,
    fontPx,
  );
  const notesTop = bottomOf(request.slots) + fontPx * 0.3;
  const requestNotesAt: [Point, Point] = [
    { x: inner.x, y: notesTop + noteLine },
    { x: inner.x, y: notesTop + 2 * noteLine },
  ];
  const responseTop = notesTop + 2 * noteLine + fontPx * 0.9;
  const responseCapacity = shape.responseQueueCapacity;
  const responseRoom = fontPx * 2;
  const response = queueBlock(
    responseCapacity,
    MAX_RESPONSE_SLOTS,
    inner,
    responseTop,
    responseRoom,
    fontPx,
  );
  const senderY = bottomOf(response.slots) + fontPx * 0.6;
  const senderPx = clamp(fontPx * 1.1, 8, 14);
  const senderLabelAt = { x: inner.x, y: senderY + senderPx / 2 + fontPx * 0.35 };
  const sender = { x: inner.x + fontPx * 3.6, y: senderY, w: senderPx, h: senderPx };
  const responseNoteAt = { x: inner.x, y: senderY + senderPx + noteLine };
  const box = { ...area, y: top, h: Math.min(area.h, responseNoteAt.y + pad + fontPx * 0.3 - top) };
  return {
    box,
    fontPx,
    requestQueue: request,
    requestNotesAt,
    responseQueue: response,
    senderLabelAt,
    sender,
    responseNoteAt,
    door: { x: area.x, y: request.slots.y + request.slots.cellH / 2 },
    exit: { x: area.x, y: sender.y + sender.h / 2 },
  };
}

/** A queue's name, its count line, then rows of slots filling the panel's width. */
function queueBlock(
  capacity: number,
  maxSlots: number,
  inner: Rect,
  top: number,
  slotsRoomPx: number,
  fontPx: number,
): QueueBlock {
  const line = fontPx * 1.4;
  const titleAt = { x: inner.x, y: top + fontPx };
  const countAt = { x: inner.x, y: top + line + fontPx };
  const shown = Math.min(capacity, maxSlots);
  const area = { x: inner.x, y: top + 2 * line - fontPx * 0.1, w: inner.w, h: slotsRoomPx };
  const slots =
    shown > 0
      ? packGrid(shown, area, { aspect: 1, maxCellH: 13, gapRatio: 0.3 })
      : gridOf(0, area.x, area.y, 1, 0, 0, 0);
  const overflowAt = shown < capacity ? { x: inner.x + inner.w, y: countAt.y } : null;
  return { titleAt, countAt, overflowAt, slots, capacity };
}

function bottomOf(grid: Grid): number {
  const b = gridBounds(grid);
  return b.y + b.h;
}
