/**
 * Turns a frame's list of what happened into marks on the picture. A drop falls out of the place
 * that refused it (the tail of a full backlog, the tail of a full request queue, the balancer
 * when no machine listens, the clients when retries ran out) under a short label naming the
 * reason; the label stays while drops keep coming there and fades a moment after the last one.
 * A timeout rings where the request was last drawn; a completion slides home to the clients.
 */
import { DropReasonCode } from '../../engine/model.ts';
import { TransitionKind } from '../../engine/transitions.ts';
import type { Frame } from '../../worker/protocol.ts';
import type { Palette } from '../palette.ts';
import type { DotField, MutablePoint } from './dots.ts';
import { EffectKind, FALL_MS, RING_MS, type Effects } from './effects.ts';
import { cellX, cellY, type Grid } from './geometry.ts';
import type { TopologyLayout } from './layout.ts';
import { DETAIL_SCALE, textWidth } from './machineLayout.ts';
import { machineIndexOf } from './places.ts';
import { fontOf } from './staticLayer.ts';

export const LABEL_MS = 1500;
const MIN_SLIDE_MS = 40;

const REASON_TEXT: Record<number, string> = {
  [DropReasonCode['backlog-full']]: 'backlog full',
  [DropReasonCode['queue-full']]: 'queue full',
  [DropReasonCode['nobody-listening']]: 'nobody listening',
  [DropReasonCode['retries-exhausted']]: 'retries exhausted',
};

type LabelAlign = 'right' | 'center';

interface DropLabel {
  text: string;
  x: number;
  y: number;
  align: LabelAlign;
  /** The pill reaches at least this far left, to hide what the label is drawn over. */
  coverFromX: number;
  fontPx: number;
  lastMs: number;
}

export class Happenings {
  private readonly labels = new Map<number, DropLabel>();
  private readonly at: MutablePoint = { x: 0, y: 0 };
  private readonly refusal: Refusal = {
    key: 0,
    x: 0,
    y: 0,
    labelX: 0,
    labelY: 0,
    align: 'right',
    coverFromX: Infinity,
    fontPx: 10,
  };

  constructor(
    private readonly effects: Effects,
    private readonly dots: DotField,
  ) {}

  /** Call with each new frame, before its dots are placed, while gone dots are still known. */
  apply(frame: Frame, layout: TopologyLayout, nowMs: number): void {
    const { happened } = frame;
    for (let i = 0; i < happened.count; i++) {
      const id = happened.requestId[i]!;
      switch (happened.kind[i]) {
        case TransitionKind.dropped:
          this.dropped(layout, frame, happened.reason[i]!, happened.machine[i]!, nowMs);
          break;
        case TransitionKind.timedOut:
          this.timedOut(layout, id, nowMs);
          break;
        case TransitionKind.completed:
          this.completed(layout, id, nowMs);
          break;
      }
    }
  }

  clear(): void {
    this.labels.clear();
    this.effects.clear();
  }

  /**
   * Reason labels on a pill of the box colour, fading after the last drop at their place. The
   * pill stays opaque while its words fade, so what it covers never shows through them.
   */
  drawLabels(ctx: CanvasRenderingContext2D, nowMs: number, colors: Palette) {
    if (this.labels.size === 0) return;
    for (const [key, label] of this.labels) {
      const age = nowMs - label.lastMs;
      if (age >= LABEL_MS) {
        this.labels.delete(key);
        continue;
      }
      const alpha = age < LABEL_MS / 2 ? 1 : 2 - (2 * age) / LABEL_MS;
      drawPill(ctx, label, colors, alpha);
    }
    ctx.globalAlpha = 1;
    ctx.textAlign = 'left';
  }

  private dropped(
    layout: TopologyLayout,
    frame: Frame,
    reason: number,
    machineId: number,
    nowMs: number,
  ): void {
    const place = this.refusal;
    refusingPlace(layout, frame, reason, machineId, place);
    this.effects.add(EffectKind.fall, FALL_MS, nowMs, place.x, place.y);
    const label = this.labels.get(place.key) ?? blankLabel();
    label.text = REASON_TEXT[reason] ?? 'dropped';
    label.x = place.labelX;
    label.y = place.labelY;
    label.align = place.align;
    label.coverFromX = place.coverFromX;
    label.fontPx = place.fontPx;
    label.lastMs = nowMs;
    this.labels.set(place.key, label);
  }

  private timedOut(layout: TopologyLayout, id: number, nowMs: number): void {
    const dot = this.dots.byId.get(id);
    if (dot) this.dots.positionOf(dot, nowMs, this.at);
    else homeOf(layout, this.at);
    this.effects.add(EffectKind.ring, RING_MS, nowMs, this.at.x, this.at.y);
  }

  /** Too short a slide would not be seen: at full speed answers simply vanish at the clients. */
  private completed(layout: TopologyLayout, id: number, nowMs: number): void {
    const dot = this.dots.byId.get(id);
    const glideMs = this.dots.typicalGlideMs;
    if (!dot || glideMs < MIN_SLIDE_MS) return;
    this.dots.positionOf(dot, nowMs, this.at);
    const fromX = this.at.x;
    const fromY = this.at.y;
    homeOf(layout, this.at);
    this.effects.add(EffectKind.home, glideMs, nowMs, fromX, fromY, this.at.x, this.at.y);
  }
}

function blankLabel(): DropLabel {
  return { text: '', x: 0, y: 0, align: 'right', coverFromX: Infinity, fontPx: 10, lastMs: 0 };
}

/** Where a refused request falls, where its label goes, and a key naming the place. */
interface Refusal {
  key: number;
  x: number;
  y: number;
  labelX: number;
  labelY: number;
  align: LabelAlign;
  coverFromX: number;
  fontPx: number;
}

/**
 * A full backlog or queue drops at its last slot, labelled at the right end of the line above
 * it; no listener drops under the balancer, and exhausted retries under the clients.
 */
function refusingPlace(
  layout: TopologyLayout,
  frame: Frame,
  reason: number,
  machineId: number,
  out: Refusal,
): void {
  const shared = layout.shared;
  if (reason === DropReasonCode['queue-full'] && shared) {
    tailOf(shared.requestQueue.slots, shared.door, out);
    const right = shared.box.x + shared.box.w - shared.fontPx * 0.7;
    return labelAt(out, -2, right, shared.requestQueue.countAt.y, 'right', shared.fontPx);
  }
  const index = reason === DropReasonCode['backlog-full'] ? machineIndexOf(frame, machineId) : -1;
  const machine = layout.machines[index];
  if (machine) {
    tailOf(machine.backlog.slots, machine.door, out);
    const fontPx = machine.fontPx * DETAIL_SCALE;
    labelAt(out, index, machine.detailAt.x, machine.detailAt.y, 'right', fontPx);
    // Over the header's detail, which it hides for as long as it shows; a short name like 'm0'
    // is wider than its letters' average, hence the margin.
    const titleEnd = machine.titleAt.x + textWidth(machine.title, machine.fontPx, true);
    out.coverFromX = titleEnd + machine.fontPx * 0.6;
    return;
  }
  const under = reason === DropReasonCode['retries-exhausted'] ? layout.clients : layout.balancer;
  out.x = under.x + under.w / 2;
  out.y = under.y + under.h;
  const key = reason === DropReasonCode['retries-exhausted'] ? -3 : -4;
  labelAt(out, key, out.x, out.y + layout.fontPx * 1.3, 'center', layout.fontPx * 0.9);
}

function labelAt(
  out: Refusal,
  key: number,
  x: number,
  y: number,
  align: LabelAlign,
  fontPx: number,
): void {
  out.key = key;
  out.fontPx = fontPx;
  out.labelX = x;
  out.labelY = y;
  out.align = align;
  out.coverFromX = Infinity;
}

function drawPill(
  ctx: CanvasRenderingContext2D,
  label: DropLabel,
  colors: Palette,
  alpha: number,
): void {
  const fontPx = label.fontPx;
  ctx.font = fontOf(fontPx, 600);
  // Estimated, not measured: measuring text on every frame is what the budget cannot afford.
  const w = label.text.length * fontPx * 0.62 + fontPx * 0.8;
  const left = label.align === 'right' ? label.x - w : label.x - w / 2;
  const top = label.y - fontPx * 1.05;
  const h = fontPx * 1.45;
  ctx.globalAlpha = 1;
  if (label.coverFromX < left) {
    ctx.fillStyle = colors.surface;
    ctx.fillRect(label.coverFromX, top, left - label.coverFromX, h);
  }
  ctx.beginPath();
  ctx.roundRect(left, top, w, h, fontPx * 0.5);
  ctx.fillStyle = colors.surface;
  ctx.fill();
  ctx.globalAlpha = alpha;
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.states.dropped.color;
  ctx.stroke();
  ctx.fillStyle = colors.states.dropped.color;
  ctx.textAlign = 'center';
  ctx.fillText(label.text, left + w / 2, label.y);
}

/** The last slot, where a newcomer would have joined the full queue; the door if none. */
function tailOf(slots: Grid, door: MutablePoint, out: MutablePoint): void {
  if (slots.count === 0) {
    out.x = door.x;
    out.y = door.y;
    return;
  }
  const last = slots.count - 1;
  out.x = cellX(slots, last) + slots.cellW / 2;
  out.y = cellY(slots, last) + slots.cellH / 2;
}

/** Where answers reach the clients: the end of the wire's lower lane. */
function homeOf(layout: TopologyLayout, out: MutablePoint): void {
  out.x = layout.wire.fromX;
  out.y = layout.wire.outY;
}
