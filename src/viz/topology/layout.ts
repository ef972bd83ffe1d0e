/**
 * Where everything goes, from a frame and the canvas's CSS size: clients in a column on the
 * left, the wire to the balancer (requests travel on its upper lane, answers on its lower one),
 * the balancer, for the message-queue model the shared queue panel, then the machines as a grid
 * of boxes. The grid's column count is the one that gives the largest thread cells, so one
 * machine gets a roomy box and 64 machines still fit. Pure: the same frame shape and size give
 * the same layout, and the renderer recomputes it only when `layoutSignature` changes.
 */
import type { Frame } from '../../worker/protocol.ts';
import { clamp, type Rect } from './geometry.ts';
import { layoutMachine, type MachineLayout, type MachineShape } from './machineLayout.ts';
import { layoutShared, type SharedLayout, type SharedShape } from './sharedLayout.ts';

export type { MachineLayout } from './machineLayout.ts';
export type { SharedLayout } from './sharedLayout.ts';

export interface Size {
  width: number;
  height: number;
}

export interface WireLayout {
  /** Clients' edge and balancer's edge. */
  fromX: number;
  toX: number;
  /** Lanes: requests toward the server, answers toward the clients. */
  inY: number;
  outY: number;
  /** How far dots on a lane spread up and down, so many of them stay visible. */
  spreadPx: number;
}

export interface TopologyLayout {
  width: number;
  height: number;
  model: Frame['model'];
  fontPx: number;
  dotRadiusPx: number;
  clients: Rect;
  wire: WireLayout;
  balancer: Rect;
  shared: SharedLayout | null;
  machinesArea: Rect;
  machines: MachineLayout[];
  /** Line for exact totals and the sampling note. */
  footer: Rect;
}

export interface TopologyShape {
  model: Frame['model'];
  machines: MachineShape[];
  shared: SharedShape | null;
}

const MAX_BOX_W = 520;
const MAX_BOX_H = 380;

export function shapeOf(frame: Frame): TopologyShape {
  const machines = frame.machines.map((m) => ({
    id: m.id,
    threads: m.threadState.length,
    threadsTotal: m.threads,
    cores: Math.min(m.cores, m.coreThread.length),
    backlogCapacity: m.backlogCapacity,
    draining: m.draining,
    listening: m.listening,
  }));
  const shared = frame.shared && {
    requestQueueCapacity: frame.shared.requestQueueCapacity,
    responseQueueCapacity: frame.shared.responseQueueCapacity,
  };
  return { model: frame.model, machines, shared };
}

export function layoutTopology(frame: Frame, size: Size): TopologyLayout {
  return layoutShape(shapeOf(frame), size);
}

export function layoutShape(shape: TopologyShape, size: Size): TopologyLayout {
  const { width, height } = size;
  const fontPx = clamp(Math.min(width / 64, height / 34), 9, 14);
  const pad = clamp(width * 0.01, 4, 10);
  const footerH = fontPx * 1.7;
  const body = { x: pad, y: pad, w: width - 2 * pad, h: height - 2 * pad - footerH };
  const front = layoutFront(body, width, height, fontPx);
  const gap = clamp(width * 0.014, 6, 16);
  let left = front.balancer.x + front.balancer.w + gap * 1.6;
  let shared: SharedLayout | null = null;
  if (shape.shared) {
    const sharedW = clamp(width * 0.19, 130, 230);
    shared = layoutShared(shape.shared, { x: left, y: body.y, w: sharedW, h: body.h }, fontPx);
    left += sharedW + gap * 1.6;
  }
  const machinesArea = { x: left, y: body.y, w: body.x + body.w - left, h: body.h };
  const machines = layoutMachines(shape, machinesArea);
  const dotRadiusPx = dotRadiusFor(machines, fontPx);
  const footer = { x: pad, y: height - pad - footerH, w: width - 2 * pad, h: footerH };
  return {
    width,
    height,
    model: shape.model,
    fontPx,
    dotRadiusPx,
    ...front,
    shared,
    machinesArea,
    machines,
    footer,
  };
}

function layoutFront(body: Rect, width: number, height: number, fontPx: number) {
  const cy = body.y + body.h / 2;
  const clientsW = clamp(width * 0.055, 40, 70);
  const wireW = clamp(width * 0.09, 46, 120);
  const balancerW = clamp(width * 0.06, 44, 76);
  const spreadPx = clamp(height * 0.025, 5, 14);
  const laneOffset = spreadPx + fontPx * 0.6;
  const clientsH = Math.min(body.h, clientsW * 2.4);
  const clients = { x: body.x, y: cy - clientsH / 2, w: clientsW, h: clientsH };
  const balancerH = Math.max(balancerW * 1.1, 2 * laneOffset + fontPx * 2.5);
  const balancerX = clients.x + clientsW + wireW;
  const balancer = { x: balancerX, y: cy - balancerH / 2, w: balancerW, h: balancerH };
  const wire = {
    fromX: clients.x + clientsW,
    toX: balancerX,
    inY: cy - laneOffset,
    outY: cy + laneOffset,
    spreadPx,
  };
  return { clients, wire, balancer };
}

/** The grid of machine boxes whose column count gives the largest cells, cut to its content. */
function layoutMachines(shape: TopologyShape, area: Rect): MachineLayout[] {
  const n = shape.machines.length;
  if (n === 0) return [];
  const gap = clamp(Math.min(area.w, area.h) * 0.018, 3, 10);
  const probe = largestShape(shape.machines);
  let best = { score: -Infinity, cols: 1, boxW: 0, boxH: 0 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const boxW = Math.min((area.w - (cols - 1) * gap) / cols, MAX_BOX_W);
    const boxH = Math.min((area.h - (rows - 1) * gap) / rows, MAX_BOX_H);
    const score = scoreOf(layoutMachine(probe, shape.model, { x: 0, y: 0, w: boxW, h: boxH }));
    if (score > best.score) best = { score, cols, boxW, boxH };
  }
  const used = layoutMachine(probe, shape.model, { x: 0, y: 0, w: best.boxW, h: best.boxH });
  const boxH = Math.min(best.boxH, used.usedH);
  const rows = Math.ceil(n / best.cols);
  const top = area.y + Math.max(0, (area.h - rows * boxH - (rows - 1) * gap) / 2);
  return shape.machines.map((m, i) => {
    const x = area.x + (i % best.cols) * (best.boxW + gap);
    const y = top + Math.floor(i / best.cols) * (boxH + gap);
    return layoutMachine(m, shape.model, { x, y, w: best.boxW, h: boxH });
  });
}

/** Bigger thread cells and chips read better; a box too small for its content loses. */
function scoreOf(m: MachineLayout): number {
  const overflow = m.usedH > m.box.h + 0.5 ? 1000 : 0;
  const lane = m.threadMode === 'lanes' ? m.threads.cellH * 1.2 : m.threads.cellH;
  return lane + 0.5 * m.cores.cellH + 0.1 * m.fontPx - overflow;
}

/** The machine with the most threads, cores and backlog: every box is sized for it. */
function largestShape(machines: MachineShape[]): MachineShape {
  const first = machines[0]!;
  let threads = 0;
  let cores = 0;
  let backlogCapacity = 0;
  for (const m of machines) {
    threads = Math.max(threads, m.threads);
    cores = Math.max(cores, m.cores);
    backlogCapacity = Math.max(backlogCapacity, m.backlogCapacity);
  }
  return { ...first, threads, cores, backlogCapacity, threadsTotal: threads };
}

function dotRadiusFor(machines: MachineLayout[], fontPx: number): number {
  const first = machines[0];
  const cell = first ? Math.min(first.threads.cellH, first.backlog.slots.cellH || 99) : fontPx;
  return clamp(cell * 0.34, 1.6, 4.5);
}

/** A number that changes when the layout would: the frame's structure and the size. */
export function layoutSignature(frame: Frame, size: Size): number {
  let h = hashStep(2166136261, size.width);
  h = hashStep(h, size.height);
  h = hashStep(h, frame.model === 'message-queue' ? 1 : 0);
  h = hashStep(h, frame.machines.length);
  for (const m of frame.machines) {
    h = hashStep(h, m.id);
    h = hashStep(h, m.threadState.length);
    h = hashStep(h, m.threads);
    h = hashStep(h, m.coreThread.length);
    h = hashStep(h, m.backlogCapacity);
    h = hashStep(h, (m.draining ? 1 : 0) + (m.listening ? 2 : 0));
  }
  if (frame.shared) {
    h = hashStep(h, frame.shared.requestQueueCapacity);
    h = hashStep(h, frame.shared.responseQueueCapacity);
  }
  return h;
}

/** One step of FNV-1a over a number's integer and fractional parts. */
function hashStep(hash: number, value: number): number {
  let h = Math.imul(hash ^ (value | 0), 16777619);
  h = Math.imul(h ^ Math.round((value % 1) * 1e6), 16777619);
  return h >>> 0;
}
