/**
 * The layer that changes only with the layout or the theme: clients, the wire's two lanes, the
 * balancer and its links, the shared queue panel, the machine boxes with their names, empty
 * backlog slots, idle thread cells and idle cores. It is painted once onto an offscreen surface
 * and copied under the moving layer on every frame. Outlines of the same kind are gathered into
 * one path each, so 64 machines cost a handful of strokes.
 */
import type { Palette } from '../palette.ts';
import { cellX, cellY, type Grid, type Point, type Rect } from './geometry.ts';
import type { MachineLayout, SharedLayout, TopologyLayout } from './layout.ts';
import { DETAIL_SCALE } from './machineLayout.ts';
import { NOTE_SCALE } from './sharedLayout.ts';

export function drawStatic(ctx: CanvasRenderingContext2D, layout: TopologyLayout, colors: Palette) {
  ctx.lineJoin = 'round';
  drawLinks(ctx, layout, colors);
  drawClients(ctx, layout, colors);
  drawWire(ctx, layout, colors);
  drawBalancer(ctx, layout, colors);
  if (layout.shared) drawShared(ctx, layout.shared, colors);
  drawMachineBoxes(ctx, layout, colors);
  drawCells(ctx, layout, colors);
  if (layout.machines.length === 0) drawNoMachines(ctx, layout, colors);
}

export function fontOf(px: number, weight = 400): string {
  return `${weight} ${px.toFixed(1)}px system-ui, -apple-system, "Segoe UI", sans-serif`;
}

function drawLinks(ctx: CanvasRenderingContext2D, layout: TopologyLayout, colors: Palette) {
  const b = layout.balancer;
  const from = { x: b.x + b.w, y: b.y + b.h / 2 };
  ctx.beginPath();
  const shared = layout.shared;
  if (shared) {
    curve(ctx, { x: from.x, y: layout.wire.inY }, shared.door);
    curve(ctx, shared.exit, { x: from.x, y: layout.wire.outY });
    const right = { x: shared.box.x + shared.box.w, y: shared.box.y + shared.box.h / 2 };
    for (const m of layout.machines) curve(ctx, right, m.door);
  } else {
    for (const m of layout.machines) curve(ctx, from, m.door);
  }
  ctx.strokeStyle = colors.link;
  ctx.lineWidth = 1.2;
  ctx.stroke();
}

function curve(ctx: CanvasRenderingContext2D, a: Point, b: Point) {
  const mid = (b.x - a.x) / 2;
  ctx.moveTo(a.x, a.y);
  ctx.bezierCurveTo(a.x + mid, a.y, b.x - mid, b.y, b.x, b.y);
}

/** Three small screens stacked: the people sending requests. */
function drawClients(ctx: CanvasRenderingContext2D, layout: TopologyLayout, colors: Palette) {
  const c = layout.clients;
  const w = Math.min(c.w * 0.62, 34);
  const h = w * 0.62;
  const x = c.x + (c.w - w) / 2;
  const step = h * 1.9;
  const top = c.y + c.h / 2 - step - h / 2;
  ctx.beginPath();
  for (let i = 0; i < 3; i++) {
    const y = top + i * step;
    ctx.roundRect(x, y, w, h, 2);
    ctx.moveTo(x + w / 2, y + h);
    ctx.lineTo(x + w / 2, y + h + h * 0.28);
    ctx.moveTo(x + w * 0.3, y + h + h * 0.3);
    ctx.lineTo(x + w * 0.7, y + h + h * 0.3);
  }
  ctx.fillStyle = colors.surface;
  ctx.fill();
  ctx.strokeStyle = colors.outline;
  ctx.lineWidth = 1.3;
  ctx.stroke();
  label(ctx, 'clients', c.x + c.w / 2, top + 2 * step + h * 1.4 + layout.fontPx, layout, colors);
}

function label(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  layout: TopologyLayout,
  colors: Palette,
) {
  ctx.font = fontOf(layout.fontPx, 600);
  ctx.fillStyle = colors.text;
  ctx.textAlign = 'center';
  ctx.fillText(text, x, y);
  ctx.textAlign = 'left';
}

/** Requests go right on the upper lane, answers come back left on the lower one. */
function drawWire(ctx: CanvasRenderingContext2D, layout: TopologyLayout, colors: Palette) {
  const w = layout.wire;
  const head = Math.min(6, (w.toX - w.fromX) * 0.1);
  ctx.beginPath();
  ctx.moveTo(w.fromX, w.inY);
  ctx.lineTo(w.toX, w.inY);
  ctx.moveTo(w.toX - head, w.inY - head * 0.7);
  ctx.lineTo(w.toX, w.inY);
  ctx.lineTo(w.toX - head, w.inY + head * 0.7);
  ctx.moveTo(w.toX, w.outY);
  ctx.lineTo(w.fromX, w.outY);
  ctx.moveTo(w.fromX + head, w.outY - head * 0.7);
  ctx.lineTo(w.fromX, w.outY);
  ctx.lineTo(w.fromX + head, w.outY + head * 0.7);
  ctx.strokeStyle = colors.link;
  ctx.lineWidth = 1.4;
  ctx.stroke();
  const small = layout.fontPx * 0.85;
  ctx.font = fontOf(small);
  ctx.fillStyle = colors.mutedText;
  ctx.textAlign = 'center';
  const mid = (w.fromX + w.toX) / 2;
  ctx.fillText('requests', mid, w.inY - w.spreadPx - small * 0.5);
  ctx.fillText('responses', mid, w.outY + w.spreadPx + small * 1.2);
  ctx.textAlign = 'left';
}

/** A box with one line forking into three: it spreads connections over machines. */
function drawBalancer(ctx: CanvasRenderingContext2D, layout: TopologyLayout, colors: Palette) {
  const b = layout.balancer;
  ctx.beginPath();
  ctx.roundRect(b.x, b.y, b.w, b.h, 6);
  ctx.fillStyle = colors.surface;
  ctx.fill();
  ctx.strokeStyle = colors.outline;
  ctx.lineWidth = 1.3;
  ctx.stroke();
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h * 0.42;
  const s = Math.min(b.w, b.h) * 0.2;
  ctx.beginPath();
  ctx.moveTo(cx - s * 1.3, cy);
  ctx.lineTo(cx - s * 0.2, cy);
  for (const dy of [-s, 0, s]) {
    ctx.moveTo(cx - s * 0.2, cy);
    ctx.lineTo(cx + s * 1.3, cy + dy);
  }
  ctx.strokeStyle = colors.mutedText;
  ctx.lineWidth = 1.6;
  ctx.stroke();
  const px = Math.min(layout.fontPx, (b.w - 6) / (0.56 * 'balancer'.length));
  ctx.font = fontOf(px, 600);
  ctx.fillStyle = colors.text;
  ctx.textAlign = 'center';
  ctx.fillText('balancer', cx, b.y + b.h - px * 0.8);
  ctx.textAlign = 'left';
}

function drawShared(ctx: CanvasRenderingContext2D, shared: SharedLayout, colors: Palette) {
  box(ctx, shared.box, colors, false);
  ctx.font = fontOf(shared.fontPx, 600);
  ctx.fillStyle = colors.text;
  const { requestQueue: request, responseQueue: response } = shared;
  ctx.fillText('request queue', request.titleAt.x, request.titleAt.y);
  ctx.fillText('response queue', response.titleAt.x, response.titleAt.y);
  ctx.font = fontOf(shared.fontPx * NOTE_SCALE);
  ctx.fillStyle = colors.mutedText;
  ctx.fillText('sender', shared.senderLabelAt.x, shared.senderLabelAt.y);
  ctx.beginPath();
  traceGrid(ctx, shared.requestQueue.slots, 1.5);
  traceGrid(ctx, shared.responseQueue.slots, 1.5);
  const s = shared.sender;
  ctx.roundRect(s.x, s.y, s.w, s.h, s.w / 2);
  ctx.strokeStyle = colors.slot;
  ctx.lineWidth = 1;
  ctx.stroke();
}

function box(ctx: CanvasRenderingContext2D, r: Rect, colors: Palette, dashed: boolean) {
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.w, r.h, Math.min(8, r.w * 0.06));
  ctx.fillStyle = colors.surface;
  ctx.fill();
  if (dashed) ctx.setLineDash([5, 4]);
  ctx.strokeStyle = colors.outline;
  ctx.lineWidth = 1.2;
  ctx.stroke();
  if (dashed) ctx.setLineDash([]);
}

function drawMachineBoxes(ctx: CanvasRenderingContext2D, layout: TopologyLayout, colors: Palette) {
  for (const m of layout.machines) {
    box(ctx, m.box, colors, m.draining || !m.listening);
    drawMachineText(ctx, m, colors);
  }
}

function drawMachineText(ctx: CanvasRenderingContext2D, m: MachineLayout, colors: Palette) {
  ctx.font = fontOf(m.fontPx, 600);
  ctx.fillStyle = colors.text;
  ctx.fillText(m.title, m.titleAt.x, m.titleAt.y);
  ctx.font = fontOf(m.fontPx * DETAIL_SCALE);
  ctx.fillStyle = colors.mutedText;
  if (m.detail) {
    ctx.textAlign = 'right';
    ctx.fillText(m.detail, m.detailAt.x, m.detailAt.y);
    ctx.textAlign = 'left';
  }
  const at = m.backlog.labelAt;
  if (at) ctx.fillText('backlog', at.x, at.y);
}

/** Empty slots, idle thread cells and idle cores of every machine: one stroke for each kind. */
function drawCells(ctx: CanvasRenderingContext2D, layout: TopologyLayout, colors: Palette) {
  ctx.beginPath();
  for (const m of layout.machines) {
    traceGrid(ctx, m.backlog.slots, 1.5);
    if (m.acceptor) ctx.roundRect(m.acceptor.x, m.acceptor.y, m.acceptor.w, m.acceptor.h, 3);
  }
  ctx.strokeStyle = colors.slot;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.beginPath();
  for (const m of layout.machines) traceGrid(ctx, m.threads, 2);
  ctx.strokeStyle = colors.states.idle.color;
  ctx.stroke();
  ctx.beginPath();
  for (const m of layout.machines) traceGrid(ctx, m.cores, 2);
  ctx.strokeStyle = colors.outline;
  ctx.lineWidth = 1.3;
  ctx.stroke();
}

/** Adds every cell of the grid to the current path, inset by half a line so strokes stay inside. */
export function traceGrid(ctx: CanvasRenderingContext2D, grid: Grid, radius: number) {
  const r = Math.min(radius, grid.cellH / 3);
  for (let i = 0; i < grid.count; i++) {
    const x = cellX(grid, i) + 0.5;
    const y = cellY(grid, i) + 0.5;
    ctx.roundRect(x, y, Math.max(0.5, grid.cellW - 1), Math.max(0.5, grid.cellH - 1), r);
  }
}

function drawNoMachines(ctx: CanvasRenderingContext2D, layout: TopologyLayout, colors: Palette) {
  const a = layout.machinesArea;
  ctx.font = fontOf(layout.fontPx);
  ctx.fillStyle = colors.mutedText;
  ctx.textAlign = 'center';
  ctx.fillText('No machines: every request is refused.', a.x + a.w / 2, a.y + a.h / 2);
  ctx.textAlign = 'left';
}
