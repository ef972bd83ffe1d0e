/**
 * The patterned fills that tell states apart without colour: diagonal stripes for a thread in
 * I/O (it holds no core, it waits) and a check for a thread waiting to push into a full queue.
 * Each is a tiny tile drawn once per theme and device pixel ratio, then used as a fill style.
 */
import type { Palette } from '../palette.ts';

export type Surface = HTMLCanvasElement | OffscreenCanvas;
export type SurfaceFactory = (widthPx: number, heightPx: number) => Surface;

export interface Patterns {
  io: CanvasPattern | string;
  waitingToPush: CanvasPattern | string;
  /** A core switching context: busy, doing no useful work. */
  switching: CanvasPattern | string;
}

const TILE_CSS_PX = 6;

export function makePatterns(
  ctx: CanvasRenderingContext2D,
  create: SurfaceFactory,
  colors: Palette,
  dpr: number,
): Patterns {
  const states = colors.states;
  return {
    io: stripes(ctx, create, states.io.color, dpr) ?? states.io.color,
    waitingToPush:
      checks(ctx, create, states.waitingToPush.color, colors, dpr) ?? states.waitingToPush.color,
    switching:
      stripes(ctx, create, states.waitingForCore.color, dpr) ?? states.waitingForCore.color,
  };
}

export type Tile = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function tile(create: SurfaceFactory, dpr: number): { surface: Surface; g: Tile } | null {
  const size = Math.max(2, Math.round(TILE_CSS_PX * dpr));
  const surface = create(size, size);
  const g = context2d(surface);
  if (!g) return null;
  g.scale(size / TILE_CSS_PX, size / TILE_CSS_PX);
  return { surface, g };
}

/** Each kind of surface has its own overload of getContext; narrowing picks the right one. */
export function context2d(surface: Surface): Tile | null {
  return 'transferToImageBitmap' in surface ? surface.getContext('2d') : surface.getContext('2d');
}

function stripes(
  ctx: CanvasRenderingContext2D,
  create: SurfaceFactory,
  color: string,
  dpr: number,
): CanvasPattern | null {
  const t = tile(create, dpr);
  if (!t) return null;
  const { g } = t;
  const s = TILE_CSS_PX;
  g.fillStyle = color;
  g.globalAlpha = 0.28;
  g.fillRect(0, 0, s, s);
  g.globalAlpha = 1;
  g.strokeStyle = color;
  g.lineWidth = 1.6;
  g.beginPath();
  // Three strokes so the stripe runs on across the tile's edges without a seam.
  for (const offset of [-s, 0, s]) {
    g.moveTo(offset, s);
    g.lineTo(offset + s, 0);
  }
  g.stroke();
  return patternOf(ctx, t.surface, dpr);
}

function checks(
  ctx: CanvasRenderingContext2D,
  create: SurfaceFactory,
  color: string,
  colors: Palette,
  dpr: number,
): CanvasPattern | null {
  const t = tile(create, dpr);
  if (!t) return null;
  const { g } = t;
  const half = TILE_CSS_PX / 2;
  g.fillStyle = color;
  g.fillRect(0, 0, TILE_CSS_PX, TILE_CSS_PX);
  g.fillStyle = colors.theme === 'light' ? 'rgba(60, 52, 0, 0.4)' : 'rgba(20, 18, 0, 0.55)';
  g.fillRect(0, 0, half, half);
  g.fillRect(half, half, half, half);
  return patternOf(ctx, t.surface, dpr);
}

/** A pattern whose tile, drawn at device pixels, maps back to CSS pixels under the ctx scale. */
function patternOf(ctx: CanvasRenderingContext2D, surface: Surface, dpr: number) {
  const pattern = ctx.createPattern(surface, 'repeat');
  if (pattern && typeof DOMMatrix !== 'undefined') {
    pattern.setTransform(new DOMMatrix().scale(1 / dpr, 1 / dpr));
  }
  return pattern;
}
