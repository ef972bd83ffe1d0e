/**
 * The request dots and their glides, keyed by request id. A dot is drawn at its place plus an
 * offset that shrinks to nothing over the glide: when the place changes, the offset is set to
 * where the dot was drawn minus the new place, so it slides from there without a jump, and a
 * dot whose place moves on its own (along the wire) follows it exactly. Dots are pooled and
 * reused, so a busy frame allocates nothing.
 *
 * A glide never takes longer than the dot stayed in its last place. In slow motion a request
 * waits seconds in a backlog and then glides the full quarter second to its thread; at full
 * speed it holds a thread for one display frame, and a long glide would leave a cloud of dots
 * trailing behind what the engine says. New dots glide in for as long as dots lately stayed put.
 * A glide shorter than two display frames could not be seen, and the dot goes straight home.
 */
import { toneOf, type DotTone, type PlaceKind } from './places.ts';

export const GLIDE_MS = 250;
const SHORTEST_GLIDE_MS = (2 * 1000) / 60;

export interface Dot {
  id: number;
  key: number;
  kind: PlaceKind;
  tone: DotTone;
  /** The place now, and the radius the place gives the dot. */
  x: number;
  y: number;
  radiusPx: number;
  /** Where the glide started, relative to the place. */
  offX: number;
  offY: number;
  glideStartMs: number;
  glideMs: number;
  /** When the dot came to its current place. */
  placedMs: number;
  /** The sync in which the dot was last placed. */
  mark: number;
}

/** A point to write into, so that asking a dot's position allocates nothing. */
export interface MutablePoint {
  x: number;
  y: number;
}

export class DotField {
  readonly byId = new Map<number, Dot>();
  reducedMotion: boolean;
  private readonly pool: Dot[] = [];
  private mark = 0;
  private syncMs = 0;
  /** A moving average of how long dots stay in one place, in wall milliseconds. */
  private typicalStayMs = GLIDE_MS;
  private readonly scratch: MutablePoint = { x: 0, y: 0 };

  constructor(reducedMotion: boolean) {
    this.reducedMotion = reducedMotion;
  }

  /** Starts a sync with a new frame at `nowMs`: every dot not placed before `end` is gone. */
  begin(nowMs: number): void {
    this.mark++;
    this.syncMs = nowMs;
  }

  /**
   * Puts a request at a place; a new dot glides in from (fromX, fromY) unless `fromX` is NaN.
   * A request seen twice in one frame (a timed-out try still worked on while its retry travels)
   * keeps its first place.
   */
  place(
    id: number,
    kind: PlaceKind,
    key: number,
    x: number,
    y: number,
    radiusPx: number,
    fromX: number,
    fromY: number,
  ): void {
    const known = this.byId.get(id);
    if (known) {
      if (known.mark !== this.mark) this.move(known, kind, key, x, y, radiusPx);
      return;
    }
    const dot = this.pool.pop() ?? blankDot();
    dot.id = id;
    dot.mark = this.mark;
    this.settle(dot, kind, key, x, y, radiusPx);
    if (!Number.isNaN(fromX)) this.glideFrom(dot, fromX, fromY, this.typicalGlideMs);
    this.byId.set(id, dot);
  }

  /** How long glides last lately: as long as dots stay put, at most a quarter second. */
  get typicalGlideMs(): number {
    return Math.min(GLIDE_MS, this.typicalStayMs);
  }

  /** Ends a sync: hands each dot that was not placed to `gone`, if given, then recycles it. */
  end(gone?: (dot: Dot) => void): void {
    for (const dot of this.byId.values()) {
      if (dot.mark === this.mark) continue;
      this.stayed(this.syncMs - dot.placedMs);
      gone?.(dot);
      this.byId.delete(dot.id);
      this.pool.push(dot);
    }
  }

  /** Writes where the dot is drawn at `nowMs` into `out`. */
  positionOf(dot: Dot, nowMs: number, out: MutablePoint): MutablePoint {
    const left = remainingAt(dot, nowMs);
    out.x = dot.x + dot.offX * left;
    out.y = dot.y + dot.offY * left;
    return out;
  }

  clear(): void {
    for (const dot of this.byId.values()) this.pool.push(dot);
    this.byId.clear();
  }

  private move(dot: Dot, kind: PlaceKind, key: number, x: number, y: number, radiusPx: number) {
    dot.mark = this.mark;
    if (dot.key === key) {
      dot.x = x;
      dot.y = y;
      return;
    }
    const drawn = this.positionOf(dot, this.syncMs, this.scratch);
    const stayMs = this.syncMs - dot.placedMs;
    this.stayed(stayMs);
    this.settle(dot, kind, key, x, y, radiusPx);
    this.glideFrom(dot, drawn.x, drawn.y, Math.min(GLIDE_MS, stayMs));
  }

  private stayed(stayMs: number): void {
    this.typicalStayMs += (stayMs - this.typicalStayMs) * 0.05;
  }

  private settle(dot: Dot, kind: PlaceKind, key: number, x: number, y: number, radiusPx: number) {
    dot.placedMs = this.syncMs;
    dot.kind = kind;
    dot.tone = toneOf(kind);
    dot.key = key;
    dot.x = x;
    dot.y = y;
    dot.radiusPx = radiusPx;
    dot.offX = 0;
    dot.offY = 0;
  }

  private glideFrom(dot: Dot, fromX: number, fromY: number, glideMs: number) {
    if (this.reducedMotion || glideMs < SHORTEST_GLIDE_MS) return;
    dot.offX = fromX - dot.x;
    dot.offY = fromY - dot.y;
    dot.glideStartMs = this.syncMs;
    dot.glideMs = glideMs;
  }
}

/** The share of the glide still to go, eased so the dot slows as it arrives. */
function remainingAt(dot: Dot, nowMs: number): number {
  if (dot.offX === 0 && dot.offY === 0) return 0;
  const t = (nowMs - dot.glideStartMs) / dot.glideMs;
  if (t >= 1) {
    dot.offX = 0;
    dot.offY = 0;
    return 0;
  }
  const left = 1 - Math.max(0, t);
  return left * left * left;
}

function blankDot(): Dot {
  return {
    id: 0,
    key: 0,
    kind: 0,
    tone: 'wire',
    x: 0,
    y: 0,
    radiusPx: 1,
    offX: 0,
    offY: 0,
    glideStartMs: 0,
    glideMs: GLIDE_MS,
    placedMs: 0,
    mark: 0,
  };
}
