/**
 * The exact numbers drawn over the picture each frame: each backlog's 'length/capacity' and the
 * '+N' it holds beyond its drawn slots, the shared queues' lengths, how many workers wait on
 * them, and a footer with what has been dropped (by reason) and timed out since the start, plus
 * a note when the dots are only a sample. Every figure comes from the frame's counters, never
 * from counting dots. Strings are rebuilt only when their numbers change.
 */
import { DROP_REASONS, JobStage } from '../../engine/model.ts';
import type { Frame } from '../../worker/protocol.ts';
import type { Palette } from '../palette.ts';
import type { TopologyLayout } from './layout.ts';
import { DETAIL_SCALE } from './machineLayout.ts';
import { NOTE_SCALE, UNBOUNDED_CAPACITY, type QueueBlock } from './sharedLayout.ts';
import { fontOf } from './staticLayer.ts';

type Format = (a: number, b: number) => string;

/** Remembers the last string made for each slot, and the numbers it was made from. */
export class TextCache {
  private a: number[] = [];
  private b: number[] = [];
  private texts: string[] = [];

  get(slot: number, a: number, b: number, format: Format): string {
    const text = this.texts[slot];
    if (text !== undefined && this.a[slot] === a && this.b[slot] === b) return text;
    const made = format(a, b);
    this.a[slot] = a;
    this.b[slot] = b;
    this.texts[slot] = made;
    return made;
  }
}

const grouped = new Intl.NumberFormat('en-US');
const fmt = (n: number) => grouped.format(n);
const ofCapacity: Format = (n, cap) =>
  cap >= UNBOUNDED_CAPACITY ? fmt(n) : `${fmt(n)}/${fmt(cap)}`;
const more: Format = (n) => `+${fmt(n)}`;
const moreBeyond: Format = (n) => `+${fmt(n)} more`;
const waitingToPop: Format = (n) => `${fmt(n)} ${n === 1 ? 'worker' : 'workers'} waiting to pop`;
const blockedAcceptors: Format = (n) => `${fmt(n)} ${n === 1 ? 'acceptor' : 'acceptors'} blocked`;
const waitingToPush: Format = (n) => `${fmt(n)} ${n === 1 ? 'worker' : 'workers'} waiting to push`;

// Slots of the cache: the shared panel's lines first, then two per machine.
const SLOT_REQUESTS = 0;
const SLOT_REQUEST_MORE = 1;
const SLOT_WAITING = 2;
const SLOT_BLOCKED = 3;
const SLOT_RESPONSES = 4;
const SLOT_PUSHERS = 5;
const SLOT_RESPONSE_MORE = 6;
const FIRST_MACHINE_SLOT = 8;

export function drawCounts(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  layout: TopologyLayout,
  colors: Palette,
  cache: TextCache,
  footer: FooterText,
): void {
  drawBacklogCounts(ctx, frame, layout, colors, cache);
  drawSharedCounts(ctx, frame, layout, colors, cache);
  drawFooter(ctx, frame, layout, colors, footer);
}

function drawBacklogCounts(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  layout: TopologyLayout,
  colors: Palette,
  cache: TextCache,
): void {
  const first = layout.machines[0];
  if (!first) return;
  ctx.font = fontOf(first.fontPx * DETAIL_SCALE, 600);
  const machines = Math.min(frame.machines.length, layout.machines.length);
  for (let m = 0; m < machines; m++) {
    const { backlogLength: n, backlogCapacity: cap } = frame.machines[m]!;
    const row = layout.machines[m]!.backlog;
    const slot = FIRST_MACHINE_SLOT + 2 * m;
    const full = cap > 0 && n >= cap;
    ctx.fillStyle = full ? colors.states.dropped.color : colors.mutedText;
    const beyond = n - row.slots.count;
    const at = row.overflowAt;
    if (at && beyond > 0) ctx.fillText(cache.get(slot + 1, beyond, 0, more), at.x, at.y);
    if (!row.countAt) continue;
    ctx.textAlign = 'right';
    ctx.fillText(cache.get(slot, n, cap, ofCapacity), row.countAt.x, row.countAt.y);
    ctx.textAlign = 'left';
  }
}

function drawSharedCounts(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  layout: TopologyLayout,
  colors: Palette,
  cache: TextCache,
): void {
  const shared = frame.shared;
  const place = layout.shared;
  if (!shared || !place) return;
  const request = place.requestQueue;
  const response = place.responseQueue;
  ctx.font = fontOf(place.fontPx, 600);
  queueCount(ctx, colors, cache, SLOT_REQUESTS, shared.requestQueueLength, request);
  queueCount(ctx, colors, cache, SLOT_RESPONSES, shared.responseQueueLength, response);
  ctx.font = fontOf(place.fontPx * NOTE_SCALE);
  ctx.fillStyle = colors.mutedText;
  ctx.textAlign = 'right';
  queueOverflow(ctx, cache, SLOT_REQUEST_MORE, shared.requestQueueLength, request);
  queueOverflow(ctx, cache, SLOT_RESPONSE_MORE, shared.responseQueueLength, response);
  ctx.textAlign = 'left';
  const [waitAt, blockedAt] = place.requestNotesAt;
  ctx.fillText(cache.get(SLOT_WAITING, shared.waitingWorkers, 0, waitingToPop), waitAt.x, waitAt.y);
  const blocked = cache.get(SLOT_BLOCKED, shared.blockedPublishers, 0, blockedAcceptors);
  ctx.fillText(blocked, blockedAt.x, blockedAt.y);
  const pushers = cache.get(SLOT_PUSHERS, shared.blockedPushers, 0, waitingToPush);
  ctx.fillText(pushers, place.responseNoteAt.x, place.responseNoteAt.y);
}

function queueCount(
  ctx: CanvasRenderingContext2D,
  colors: Palette,
  cache: TextCache,
  slot: number,
  length: number,
  queue: QueueBlock,
): void {
  const full = queue.capacity > 0 && length >= queue.capacity;
  ctx.fillStyle = full ? colors.states.dropped.color : colors.text;
  const text = cache.get(slot, length, queue.capacity, ofCapacity);
  ctx.fillText(text, queue.countAt.x, queue.countAt.y);
}

function queueOverflow(
  ctx: CanvasRenderingContext2D,
  cache: TextCache,
  slot: number,
  length: number,
  queue: QueueBlock,
): void {
  const over = length - queue.slots.count;
  if (!queue.overflowAt || over <= 0) return;
  ctx.fillText(cache.get(slot, over, 0, moreBeyond), queue.overflowAt.x, queue.overflowAt.y);
}

function drawFooter(
  ctx: CanvasRenderingContext2D,
  frame: Frame,
  layout: TopologyLayout,
  colors: Palette,
  footer: FooterText,
): void {
  const f = layout.footer;
  const y = f.y + f.h * 0.7;
  ctx.font = fontOf(layout.fontPx * 0.92);
  ctx.fillStyle = colors.mutedText;
  ctx.fillText(footer.of(frame), f.x, y);
  if (!isSampled(frame)) return;
  ctx.textAlign = 'right';
  ctx.fillText('(showing a sample)', f.x + f.w, y);
  ctx.textAlign = 'left';
}

/**
 * 'in flight 120 · dropped 30 (backlog full 25, queue full 5) · timed out 2', made again only
 * when one of its numbers changes.
 */
export class FooterText {
  private readonly last = new Float64Array(3 + DROP_REASONS.length).fill(-1);
  private text = '';

  of(frame: Frame): string {
    const t = frame.total;
    let changed = this.remember(0, frame.inFlight);
    changed = this.remember(1, t.dropped) || changed;
    changed = this.remember(2, t.timedOut) || changed;
    for (let i = 0; i < DROP_REASONS.length; i++) {
      changed = this.remember(3 + i, t.dropsByReason[DROP_REASONS[i]!]) || changed;
    }
    if (changed) this.text = footerText(frame);
    return this.text;
  }

  private remember(i: number, value: number): boolean {
    if (this.last[i] === value) return false;
    this.last[i] = value;
    return true;
  }
}

function footerText(frame: Frame): string {
  const t = frame.total;
  const parts: string[] = [];
  for (const reason of DROP_REASONS) {
    const n = t.dropsByReason[reason];
    if (n > 0) parts.push(`${reason.replace('-', ' ')} ${fmt(n)}`);
  }
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  const dropped = `dropped ${fmt(t.dropped)}${detail}`;
  return `in flight ${fmt(frame.inFlight)} · ${dropped} · timed out ${fmt(t.timedOut)}`;
}

/** Whether some requests exist that no dot stands for: the wire or the threads were sampled. */
export function isSampled(frame: Frame): boolean {
  const c = frame.stageCounts;
  const onWire = (c[JobStage.networkIn] ?? 0) + (c[JobStage.networkOut] ?? 0);
  if (frame.wire.count < onWire) return true;
  for (const m of frame.machines) if (m.threadState.length < m.threads) return true;
  return false;
}
