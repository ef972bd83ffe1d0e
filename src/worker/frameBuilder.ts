/**
 * Builds the picture's part of a frame from the engine's state: machines with their cores,
 * threads and backlogs, the shared queues of the message-queue model, and requests on the wire.
 * What is drawn is capped (threads, queue ids, wire dots), but every count is exact: lengths come
 * from the engine's queues and counters, and the stage counts from the engine (stages.ts).
 *
 * Every typed array is new for each frame, so the host can transfer their buffers to the page.
 */
import { JobStage, type Job } from '../engine/model.ts';
import { MessageQueueServer } from '../engine/servers/messageQueue.ts';
import type { ServerMachine } from '../engine/servers/types.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { Deque } from '../engine/deque.ts';
import { stageCounts } from '../engine/stages.ts';
import type { Frame, MachineFrame, SharedQueuesFrame, WireFrame } from './protocol.ts';

export const MAX_THREADS_DRAWN = 256;
export const MAX_QUEUE_IDS = 64;
export const MAX_WIRE_DRAWN = 600;
/** In `coreThread`: the core is busy with a thread beyond the drawn ones. */
export const UNDRAWN_THREAD = -2;

/** The machines, shared queues, wire and exact stage counts of the simulation now. */
export function buildScene(
  sim: Simulation,
): Pick<Frame, 'machines' | 'shared' | 'wire' | 'stageCounts'> {
  const machines = sim.machines.map((m) => buildMachine(sim, m));
  const queues = sim.server instanceof MessageQueueServer ? sim.server : null;
  const shared = queues ? buildShared(queues) : null;
  return { machines, shared, wire: buildWire(sim), stageCounts: stageCounts(sim) };
}

function buildMachine(sim: Simulation, m: ServerMachine): MachineFrame {
  const cores = m.cpu.cores;
  const threads = m.threads;
  const drawn = Math.min(threads.length, MAX_THREADS_DRAWN);
  const frame: MachineFrame = {
    id: m.id,
    draining: m.draining,
    listening: m.listening,
    cores: cores.length,
    coreSpeed: m.cpu.speed,
    coreThread: new Int16Array(cores.length).fill(-1),
    coreSwitching: new Uint8Array(cores.length),
    threadState: new Uint8Array(drawn),
    threadRequest: new Float64Array(drawn),
    threadId: new Int32Array(drawn),
    threads: threads.length,
    backlogLength: m.backlog.length,
    backlogCapacity: sim.config.server.backlog,
    backlogRequests: firstIds(m.backlog),
    publishingRequest: m.pendingPublish ? m.pendingPublish.request.id : -1,
    openConnections: m.openConnections,
    runQueueLength: m.cpu.runQueue.length,
    served: m.served,
  };
  fillThreads(m, frame);
  fillCores(sim, m, frame);
  return frame;
}

function fillThreads(m: ServerMachine, frame: MachineFrame): void {
  const drawn = frame.threadState.length;
  m.threads.forEach((thread, i) => {
    const job = thread.job;
    const core = thread.core;
    if (core && core.index < frame.cores) {
      frame.coreThread[core.index] = i < drawn ? i : UNDRAWN_THREAD;
    }
    if (i >= drawn) return;
    frame.threadState[i] = thread.state;
    frame.threadRequest[i] = job ? job.request.id : -1;
    frame.threadId![i] = thread.id;
  });
}

/** A core in its context switch is busy but not yet doing the thread's work. */
function fillCores(sim: Simulation, m: ServerMachine, frame: MachineFrame): void {
  m.cpu.cores.forEach((core, i) => {
    if (core.thread && sim.now < core.sliceStartMs) frame.coreSwitching[i] = 1;
  });
}

function buildShared(server: MessageQueueServer): SharedQueuesFrame {
  return {
    requestQueueLength: server.requestQueue.length,
    requestQueueCapacity: server.config.queueCapacity,
    requestQueueRequests: firstIds(server.requestQueue),
    responseQueueLength: server.responseQueue.length,
    responseQueueCapacity: server.config.responseQueueCapacity,
    responseQueueRequests: firstIds(server.responseQueue),
    sendingRequest: server.sending ? server.sending.request.id : -1,
    waitingWorkers: server.waitingWorkers.length,
    blockedPushers: server.blockedPushers.length,
    blockedPublishers: server.blockedPublishers.length,
  };
}

function firstIds(queue: Deque<Job>): Float64Array {
  const ids = new Float64Array(Math.min(queue.length, MAX_QUEUE_IDS));
  for (let i = 0; i < ids.length; i++) ids[i] = queue.at(i)!.request.id;
  return ids;
}

/** An even sample of the jobs on the wire; all of them are counted. */
function buildWire(sim: Simulation): WireFrame {
  const total = sim.onTheWire.size;
  const count = Math.min(total, MAX_WIRE_DRAWN);
  const wire: WireFrame = {
    count,
    requestId: new Float64Array(count),
    direction: new Uint8Array(count),
    progress: new Float32Array(count),
    machine: new Int32Array(count),
  };
  let taken = 0;
  let index = 0;
  for (const job of sim.onTheWire) {
    if (taken < count && index === Math.floor((taken * total) / count)) {
      putOnWire(sim, job, wire, taken++);
    }
    index++;
  }
  return wire;
}

/**
 * Progress uses the network latency in force now.
 * Limitation: a dot already travelling when the latency changes jumps to the new pace.
 */
function putOnWire(sim: Simulation, job: Job, wire: WireFrame, i: number): void {
  const outward = job.stage === JobStage.networkOut;
  const latencyMs = sim.config.network.latencyMs;
  const sinceMs = sim.now - (outward ? job.respondedMs : job.sentMs);
  wire.requestId[i] = job.request.id;
  wire.direction[i] = outward ? 1 : 0;
  wire.progress[i] = latencyMs > 0 ? Math.min(1, Math.max(0, sinceMs / latencyMs)) : 1;
  wire.machine[i] = outward && job.machine ? job.machine.id : -1;
}

/** The buffers of every typed array in a frame, each built for this frame alone. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [frame.stageCounts];
  for (const m of frame.machines) {
    arrays.push(m.coreThread, m.coreSwitching, m.threadState, m.threadRequest, m.backlogRequests);
    if (m.threadId) arrays.push(m.threadId);
  }
  if (frame.shared) {
    arrays.push(frame.shared.requestQueueRequests, frame.shared.responseQueueRequests);
  }
  const { wire, happened } = frame;
  arrays.push(wire.requestId, wire.direction, wire.progress, wire.machine);
  arrays.push(happened.kind, happened.requestId, happened.machine, happened.reason);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
