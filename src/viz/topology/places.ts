/**
 * Where each request of a frame is, in canvas coordinates: on the wire (a lane between clients
 * and balancer, placed by its progress), in a backlog or queue slot, held by an acceptor, a
 * thread or the sender. A place has a key that stays the same while the request stays put, so
 * the renderer glides a dot only when its key changes; a request moving along the wire keeps
 * its key and is drawn exactly where its progress says.
 */
import type { Frame } from '../../worker/protocol.ts';
import { cellX, cellY, type Grid } from './geometry.ts';
import type { TopologyLayout } from './layout.ts';

export const PlaceKind = {
  wireIn: 0,
  wireOut: 1,
  backlog: 2,
  acceptor: 3,
  requestQueue: 4,
  thread: 5,
  responseQueue: 6,
  sender: 7,
} as const;
export type PlaceKind = (typeof PlaceKind)[keyof typeof PlaceKind];

/** The colour class of a dot: travelling, waiting in a queue, or held by a worker. */
export type DotTone = 'wire' | 'queued' | 'held';

export function toneOf(kind: PlaceKind): DotTone {
  switch (kind) {
    case PlaceKind.wireIn:
    case PlaceKind.wireOut:
      return 'wire';
    case PlaceKind.backlog:
    case PlaceKind.acceptor:
    case PlaceKind.requestQueue:
    case PlaceKind.responseQueue:
      return 'queued';
    case PlaceKind.thread:
    case PlaceKind.sender:
      return 'held';
  }
}

/** Called once per drawn request; `key` names the place (same slot, same key). */
export type PlaceVisitor = (
  requestId: number,
  kind: PlaceKind,
  key: number,
  x: number,
  y: number,
  radiusPx: number,
) => void;

export function placeKey(kind: PlaceKind, machineIndex: number, slot: number): number {
  return kind * 10_000_000 + (machineIndex + 1) * 10_000 + slot;
}

/**
 * Visits every drawn request of the frame. Dots are `radiusPx` where there is room, and smaller
 * in a slot or a thread cell that could not hold them.
 */
export function visitPlaces(
  frame: Frame,
  layout: TopologyLayout,
  radiusPx: number,
  visit: PlaceVisitor,
): void {
  visitWire(frame, layout, radiusPx, visit);
  const count = Math.min(frame.machines.length, layout.machines.length);
  for (let m = 0; m < count; m++) visitMachine(frame, layout, m, radiusPx, visit);
  visitShared(frame, layout, radiusPx, visit);
}

/** The largest dot that fits a cell, up to `radiusPx`, and never under a pixel. */
function fitting(grid: Grid, radiusPx: number): number {
  return Math.max(1, Math.min(radiusPx, grid.cellW * 0.42, grid.cellH * 0.4));
}

/** A spread from -0.5 to 0.5 that is the same for a request every frame. */
export function jitterOf(requestId: number): number {
  const golden = requestId * 0.6180339887;
  return golden - Math.floor(golden) - 0.5;
}

function visitWire(frame: Frame, layout: TopologyLayout, r: number, visit: PlaceVisitor): void {
  const { wire } = frame;
  const w = layout.wire;
  const inset = r + 1;
  const from = w.fromX + inset;
  const span = w.toX - inset - from;
  for (let i = 0; i < wire.count; i++) {
    const id = wire.requestId[i]!;
    const progress = wire.progress[i]!;
    const inbound = wire.direction[i] === 0;
    const x = inbound ? from + span * progress : from + span * (1 - progress);
    const y = (inbound ? w.inY : w.outY) + jitterOf(id) * 2 * w.spreadPx;
    const kind = inbound ? PlaceKind.wireIn : PlaceKind.wireOut;
    visit(id, kind, placeKey(kind, -1, 0), x, y, r);
  }
}

function visitMachine(
  frame: Frame,
  layout: TopologyLayout,
  m: number,
  r: number,
  visit: PlaceVisitor,
): void {
  const machine = frame.machines[m]!;
  const place = layout.machines[m]!;
  visitSlots(machine.backlogRequests, place.backlog.slots, PlaceKind.backlog, m, r, visit);
  if (place.acceptor && machine.publishingRequest >= 0) {
    const { x, y, w, h } = place.acceptor;
    const key = placeKey(PlaceKind.acceptor, m, 0);
    const radius = Math.min(r, w * 0.4);
    visit(machine.publishingRequest, PlaceKind.acceptor, key, x + w / 2, y + h / 2, radius);
  }
  const threads = place.threads;
  const lanes = place.threadMode === 'lanes';
  const radius = fitting(threads, r);
  const count = Math.min(threads.count, machine.threadRequest.length);
  for (let t = 0; t < count; t++) {
    const id = machine.threadRequest[t]!;
    if (id < 0) continue;
    const x = cellX(threads, t) + (lanes ? threads.cellH * 0.7 : threads.cellW / 2);
    const y = cellY(threads, t) + threads.cellH / 2;
    visit(id, PlaceKind.thread, placeKey(PlaceKind.thread, m, t), x, y, radius);
  }
}

function visitSlots(
  ids: Float64Array,
  slots: Grid,
  kind: PlaceKind,
  machineIndex: number,
  r: number,
  visit: PlaceVisitor,
): void {
  const radius = fitting(slots, r);
  const count = Math.min(ids.length, slots.count);
  for (let i = 0; i < count; i++) {
    const x = cellX(slots, i) + slots.cellW / 2;
    const y = cellY(slots, i) + slots.cellH / 2;
    visit(ids[i]!, kind, placeKey(kind, machineIndex, i), x, y, radius);
  }
}

function visitShared(frame: Frame, layout: TopologyLayout, r: number, visit: PlaceVisitor) {
  const shared = frame.shared;
  const place = layout.shared;
  if (!shared || !place) return;
  const request = place.requestQueue.slots;
  visitSlots(shared.requestQueueRequests, request, PlaceKind.requestQueue, -1, r, visit);
  const response = place.responseQueue.slots;
  visitSlots(shared.responseQueueRequests, response, PlaceKind.responseQueue, -1, r, visit);
  if (shared.sendingRequest >= 0) {
    const { x, y, w, h } = place.sender;
    const key = placeKey(PlaceKind.sender, -1, 0);
    const radius = Math.min(r, w * 0.4);
    visit(shared.sendingRequest, PlaceKind.sender, key, x + w / 2, y + h / 2, radius);
  }
}

/** Where the machine of this id is in the frame (and the layout), or -1. */
export function machineIndexOf(frame: Frame, machineId: number): number {
  const machines = frame.machines;
  for (let i = 0; i < machines.length; i++) if (machines[i]!.id === machineId) return i;
  return -1;
}
