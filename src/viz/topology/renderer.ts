/**
 * The moving picture: draws the latest frame onto a canvas, without React. Call `draw` on every
 * animation frame (also while paused, so glides and fades finish) with the newest frame and the
 * wall clock; call `resize` with the canvas's CSS size whenever it changes. The renderer keeps a
 * static layer (boxes, labels, empty slots) on an offscreen surface, repainted only when the
 * layout or the theme changes, and draws the moving layer (thread and core states, request
 * dots, drops and timeouts) over it each frame. A new frame is recognised by identity: passing
 * the same frame object again only advances the animation.
 */
import { palette, type Palette, type Theme } from '../palette.ts';
import type { Frame, SelectTarget } from '../../worker/protocol.ts';
import { FooterText, TextCache, drawCounts } from './countsLayer.ts';
import { DotField } from './dots.ts';
import { Effects } from './effects.ts';
import { cellAt } from './geometry.ts';
import { Happenings } from './happenings.ts';
import { layoutSignature, layoutTopology, type TopologyLayout } from './layout.ts';
import {
  DrawnDots,
  drawCores,
  drawDots,
  drawSelection,
  drawThreads,
  type MovingScene,
} from './movingLayer.ts';
import { makePatterns, type Patterns, type Surface, type SurfaceFactory } from './patterns.ts';
import { PlaceKind, visitPlaces, type PlaceVisitor } from './places.ts';
import { drawStatic } from './staticLayer.ts';

export interface TopologyRendererOptions {
  theme: Theme;
  /** No glides or falling: dots jump to their places and marks fade where they appear. */
  reducedMotion: boolean;
  /** Multiplies the dot radius, for a projector or a crowded picture. Default 1. */
  dotScale?: number;
  /** The wall clock, used to repaint at once after `resize` or `setTheme`. */
  now?: () => number;
}

export interface TopologyRenderer {
  draw(frame: Frame, wallNowMs: number): void;
  resize(cssWidth: number, cssHeight: number, devicePixelRatio: number): void;
  /** What is under a point, in CSS pixels from the canvas's top left: a request, a thread, null. */
  hitTest(x: number, y: number): SelectTarget | null;
  setTheme(theme: Theme): void;
  setDotScale(scale: number): void;
  destroy(): void;
}

export function createTopologyRenderer(
  canvas: HTMLCanvasElement,
  options: TopologyRendererOptions,
): TopologyRenderer {
  return new CanvasTopologyRenderer(canvas, options);
}

/** Hits within this many CSS pixels of a dot pick the dot, however small it is drawn. */
const MIN_HIT_RADIUS_PX = 7;

class CanvasTopologyRenderer implements TopologyRenderer {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly createSurface: SurfaceFactory;
  private readonly now: () => number;
  private colors: Palette;
  private dotScale: number;
  private cssWidth = 0;
  private cssHeight = 0;
  private dpr = 1;
  private layout: TopologyLayout | null = null;
  private signature = -1;
  private staticSurface: Surface | null = null;
  private staticDirty = true;
  private patterns: Patterns | null = null;
  private lastFrame: Frame | null = null;
  /** The layout the dots were last placed in. */
  private placedIn: TopologyLayout | null = null;
  private readonly dots: DotField;
  private readonly effects = new Effects();
  private readonly happenings: Happenings;
  private readonly drawn = new DrawnDots();
  private readonly texts = new TextCache();
  private readonly footer = new FooterText();
  private readonly placeDot: PlaceVisitor;
  /** What the moving layer draws, filled in for each paint rather than made anew. */
  private scene: MovingScene | null = null;
  private destroyed = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly options: TopologyRendererOptions,
  ) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('The picture needs a 2D canvas context, and this browser gave none.');
    this.ctx = ctx;
    this.createSurface = surfaceFactoryFor(canvas);
    this.now = options.now ?? (() => performance.now());
    this.colors = palette(options.theme);
    this.dotScale = options.dotScale ?? 1;
    this.dots = new DotField(options.reducedMotion);
    this.happenings = new Happenings(this.effects, this.dots);
    this.placeDot = (id, kind, key, x, y, r) => this.placeOne(id, kind, key, x, y, r);
  }

  draw(frame: Frame, wallNowMs: number): void {
    if (this.destroyed || this.cssWidth <= 0 || this.cssHeight <= 0) return;
    const layout = this.layoutFor(frame);
    if (this.staticDirty) this.paintStatic(layout);
    if (frame !== this.lastFrame) this.sync(frame, layout, wallNowMs);
    else if (layout !== this.placedIn) this.placeAll(frame, layout, wallNowMs);
    this.paint(frame, layout, wallNowMs);
  }

  resize(cssWidth: number, cssHeight: number, devicePixelRatio: number): void {
    const dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
    if (cssWidth === this.cssWidth && cssHeight === this.cssHeight && dpr === this.dpr) return;
    const dprChanged = dpr !== this.dpr;
    this.cssWidth = Math.max(0, cssWidth);
    this.cssHeight = Math.max(0, cssHeight);
    this.dpr = dpr;
    this.canvas.width = Math.round(this.cssWidth * dpr);
    this.canvas.height = Math.round(this.cssHeight * dpr);
    if (dprChanged) this.patterns = null;
    this.staticDirty = true;
    this.signature = -1;
    this.redraw();
  }

  hitTest(x: number, y: number): SelectTarget | null {
    const layout = this.layout;
    const frame = this.lastFrame;
    if (!layout || !frame) return null;
    const radius = Math.max(MIN_HIT_RADIUS_PX, this.dotRadius(layout) * 2.5);
    const requestId = this.drawn.nearest(x, y, radius);
    if (requestId >= 0) return { kind: 'request', requestId };
    return threadAt(frame, layout, x, y);
  }

  setTheme(theme: Theme): void {
    const next = palette(theme);
    if (next === this.colors) return;
    this.colors = next;
    this.patterns = null;
    this.staticDirty = true;
    this.redraw();
  }

  setDotScale(scale: number): void {
    if (!(scale > 0) || scale === this.dotScale) return;
    this.dotScale = scale;
    // Dots take their radius when placed: place them again, even in a paused frame.
    this.placedIn = null;
  }

  destroy(): void {
    this.destroyed = true;
    this.dots.clear();
    this.happenings.clear();
    this.drawn.reset();
    if (this.staticSurface) {
      this.staticSurface.width = 0;
      this.staticSurface.height = 0;
    }
    this.staticSurface = null;
    this.lastFrame = null;
    this.layout = null;
    this.placedIn = null;
  }

  /** Setting a canvas's size blanks it: paint the last frame again at once, even when paused. */
  private redraw(): void {
    if (this.lastFrame) this.draw(this.lastFrame, this.now());
  }

  private layoutFor(frame: Frame): TopologyLayout {
    const size = { width: this.cssWidth, height: this.cssHeight };
    const signature = layoutSignature(frame, size);
    if (this.layout && signature === this.signature) return this.layout;
    this.signature = signature;
    this.layout = layoutTopology(frame, size);
    this.staticDirty = true;
    // Falling drops and their labels were placed in the old layout; dots are placed again.
    this.happenings.clear();
    return this.layout;
  }

  private paintStatic(layout: TopologyLayout): void {
    const width = this.canvas.width;
    const height = this.canvas.height;
    let surface = this.staticSurface;
    if (!surface || surface.width !== width || surface.height !== height) {
      surface = this.createSurface(width, height);
      this.staticSurface = surface;
    }
    const ctx = surface.getContext('2d') as CanvasRenderingContext2D | null;
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    drawStatic(ctx, layout, this.colors);
    this.staticDirty = false;
  }

  /** Takes in a new frame: marks for what happened, then every request at its new place. */
  private sync(frame: Frame, layout: TopologyLayout, nowMs: number): void {
    const previous = this.lastFrame;
    if (previous && frame.simNowMs < previous.simNowMs) {
      // The run was reset or restarted: request ids start again and mean other requests.
      this.dots.clear();
      this.happenings.clear();
    }
    this.happenings.apply(frame, layout, nowMs);
    this.placeAll(frame, layout, nowMs);
    this.lastFrame = frame;
  }

  /** Every drawn request at its place in `layout`; a dot whose place is new glides there. */
  private placeAll(frame: Frame, layout: TopologyLayout, nowMs: number): void {
    this.dots.begin(nowMs);
    visitPlaces(frame, layout, this.dotRadius(layout), this.placeDot);
    this.dots.end();
    this.placedIn = layout;
  }

  private placeOne(id: number, kind: PlaceKind, key: number, x: number, y: number, r: number) {
    const layout = this.layout!;
    let fromX = NaN;
    let fromY = NaN;
    if (kind === PlaceKind.wireIn) {
      fromX = layout.wire.fromX;
      fromY = layout.wire.inY;
    } else if (kind !== PlaceKind.wireOut) {
      fromX = layout.balancer.x + layout.balancer.w;
      fromY = layout.balancer.y + layout.balancer.h / 2;
    }
    this.dots.place(id, kind, key, x, y, r, fromX, fromY);
  }

  private paint(frame: Frame, layout: TopologyLayout, nowMs: number): void {
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.staticSurface) {
      // 'copy' replaces every pixel with the static layer's, so no separate clear is needed.
      ctx.globalCompositeOperation = 'copy';
      ctx.drawImage(this.staticSurface, 0, 0);
      ctx.globalCompositeOperation = 'source-over';
    } else {
      ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    }
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const patterns = this.patternsFor();
    const dotRadiusPx = this.dotRadius(layout);
    const colors = this.colors;
    const scene = (this.scene ??= { ctx, frame, layout, colors, patterns, nowMs, dotRadiusPx });
    scene.frame = frame;
    scene.layout = layout;
    scene.colors = colors;
    scene.patterns = patterns;
    scene.nowMs = nowMs;
    scene.dotRadiusPx = dotRadiusPx;
    drawThreads(scene);
    drawCores(scene);
    drawDots(scene, this.dots, this.drawn);
    drawSelection(scene, this.dots, frame.selection?.target ?? null);
    this.effects.draw(ctx, nowMs, this.colors, scene.dotRadiusPx, this.options.reducedMotion);
    this.happenings.drawLabels(ctx, nowMs, this.colors);
    drawCounts(ctx, frame, layout, this.colors, this.texts, this.footer);
  }

  private patternsFor(): Patterns {
    this.patterns ??= makePatterns(this.ctx, this.createSurface, this.colors, this.dpr);
    return this.patterns;
  }

  private dotRadius(layout: TopologyLayout): number {
    return layout.dotRadiusPx * this.dotScale;
  }
}

function threadAt(frame: Frame, layout: TopologyLayout, x: number, y: number): SelectTarget | null {
  const count = Math.min(frame.machines.length, layout.machines.length);
  for (let m = 0; m < count; m++) {
    const place = layout.machines[m]!;
    const box = place.box;
    if (x < box.x || y < box.y || x > box.x + box.w || y > box.y + box.h) continue;
    const t = cellAt(place.threads, x, y);
    const machine = frame.machines[m]!;
    if (t < 0 || t >= machine.threadState.length) return null;
    return { kind: 'thread', machineId: machine.id, threadId: machine.threadId?.[t] ?? t };
  }
  return null;
}

/** Offscreen surfaces from the canvas's own document, so tests can hand in a fake one. */
function surfaceFactoryFor(canvas: HTMLCanvasElement): SurfaceFactory {
  const doc = canvas.ownerDocument as Document | null | undefined;
  return (width, height) => {
    if (doc) {
      const surface = doc.createElement('canvas');
      surface.width = width;
      surface.height = height;
      return surface;
    }
    return new OffscreenCanvas(width, height);
  };
}
