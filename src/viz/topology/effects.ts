/**
 * Short-lived marks for what happened between frames: a dropped request falls out of the place
 * that refused it as a cross, a timed-out one fades as a widening ring, a completed one slides
 * home to the clients. They live in a fixed ring of typed arrays, so a burst of thousands of
 * drops costs no allocation; when the ring is full the oldest mark makes room. Each kind is
 * drawn in a few alpha steps, one path per step, rather than one path per mark.
 */
import type { Palette } from '../palette.ts';

export const EffectKind = { fall: 0, ring: 1, home: 2 } as const;
export type EffectKind = (typeof EffectKind)[keyof typeof EffectKind];

/** How long a drop falls and a timeout rings; a completion slides home as long as glides last. */
export const FALL_MS = 1100;
export const RING_MS = 900;
const LONGEST_MS = FALL_MS;
const ALPHA_STEPS = 4;
const FALL_PX = 26;

export class Effects {
  private readonly kind: Uint8Array;
  private readonly x0: Float32Array;
  private readonly y0: Float32Array;
  private readonly x1: Float32Array;
  private readonly y1: Float32Array;
  private readonly startMs: Float64Array;
  private readonly durationMs: Float32Array;
  private next = 0;
  private size = 0;

  constructor(readonly capacity = 384) {
    this.kind = new Uint8Array(capacity);
    this.x0 = new Float32Array(capacity);
    this.y0 = new Float32Array(capacity);
    this.x1 = new Float32Array(capacity);
    this.y1 = new Float32Array(capacity);
    this.startMs = new Float64Array(capacity);
    this.durationMs = new Float32Array(capacity);
  }

  /** `(x1, y1)` is where a completed request slides to; other kinds ignore it. */
  add(
    kind: EffectKind,
    durationMs: number,
    nowMs: number,
    x: number,
    y: number,
    x1 = x,
    y1 = y,
  ): void {
    const i = this.next;
    this.durationMs[i] = Math.min(durationMs, LONGEST_MS);
    this.kind[i] = kind;
    this.x0[i] = x;
    this.y0[i] = y;
    this.x1[i] = x1;
    this.y1[i] = y1;
    this.startMs[i] = nowMs;
    this.next = (i + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  clear(): void {
    this.size = 0;
    this.next = 0;
  }

  draw(
    ctx: CanvasRenderingContext2D,
    nowMs: number,
    colors: Palette,
    radiusPx: number,
    reducedMotion: boolean,
  ): void {
    this.forget(nowMs);
    if (this.size === 0) return;
    const states = colors.states;
    ctx.lineWidth = Math.max(1.5, radiusPx * 0.6);
    for (let step = 0; step < ALPHA_STEPS; step++) {
      ctx.globalAlpha = 1 - (step + 0.5) / ALPHA_STEPS;
      this.trace(ctx, EffectKind.fall, step, nowMs, radiusPx, reducedMotion);
      ctx.strokeStyle = states.dropped.color;
      ctx.stroke();
      this.trace(ctx, EffectKind.ring, step, nowMs, radiusPx, reducedMotion);
      ctx.strokeStyle = states.timedOut.color;
      ctx.stroke();
      if (reducedMotion) continue;
      this.trace(ctx, EffectKind.home, step, nowMs, radiusPx, reducedMotion);
      ctx.fillStyle = states.completed.color;
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }

  /** Drops marks from the old end of the ring once even the longest kind has run its course. */
  private forget(nowMs: number): void {
    while (this.size > 0) {
      const oldest = (this.next - this.size + this.capacity) % this.capacity;
      if (nowMs - this.startMs[oldest]! < LONGEST_MS) break;
      this.size--;
    }
  }

  /** One path of every mark of `kind` whose age falls in alpha step `step`. */
  private trace(
    ctx: CanvasRenderingContext2D,
    kind: EffectKind,
    step: number,
    nowMs: number,
    r: number,
    still: boolean,
  ): void {
    ctx.beginPath();
    for (let k = 0; k < this.size; k++) {
      const i = (this.next - this.size + k + this.capacity) % this.capacity;
      if (this.kind[i] !== kind) continue;
      const t = (nowMs - this.startMs[i]!) / this.durationMs[i]!;
      if (t < 0 || t >= 1 || Math.min(ALPHA_STEPS - 1, Math.floor(t * ALPHA_STEPS)) !== step) {
        continue;
      }
      this.traceOne(ctx, kind, i, still ? 0 : t, r);
    }
  }

  private traceOne(
    ctx: CanvasRenderingContext2D,
    kind: EffectKind,
    i: number,
    t: number,
    r: number,
  ) {
    const x = this.x0[i]!;
    const y = this.y0[i]!;
    switch (kind) {
      case EffectKind.fall: {
        const cy = y + FALL_PX * t * t;
        const s = r * 1.25;
        ctx.moveTo(x - s, cy - s);
        ctx.lineTo(x + s, cy + s);
        ctx.moveTo(x + s, cy - s);
        ctx.lineTo(x - s, cy + s);
        return;
      }
      case EffectKind.ring: {
        const radius = r * (1.3 + 1.7 * t);
        ctx.moveTo(x + radius, y);
        ctx.arc(x, y, radius, 0, Math.PI * 2);
        return;
      }
      case EffectKind.home: {
        const e = 1 - (1 - t) * (1 - t);
        const hx = x + (this.x1[i]! - x) * e;
        const hy = y + (this.y1[i]! - y) * e;
        ctx.moveTo(hx + r, hy);
        ctx.arc(hx, hy, r, 0, Math.PI * 2);
        return;
      }
    }
  }
}
