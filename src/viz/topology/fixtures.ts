/**
 * Hand-built frames for the renderer's tests and benchmarks: a busy system of any size, in
 * either model, with every thread state, full backlogs, requests on the wire and drops. States
 * come from a small counter-based mix rather than an engine run, so a frame of 64 machines is
 * built in microseconds and two builds with the same options are identical.
 */
import type { Counts } from '../../engine/metrics.ts';
import { JobStage, ThreadState } from '../../engine/model.ts';
import { TransitionKind } from '../../engine/transitions.ts';
import type {
  EventsFrame,
  Frame,
  MachineFrame,
  SharedQueuesFrame,
  WireFrame,
} from '../../worker/protocol.ts';

export interface FixtureOptions {
  model?: Frame['model'];
  machines?: number;
  cores?: number;
  threads?: number;
  backlogCapacity?: number;
  /** Fraction of each backlog in use, 0 to 1. */
  backlogFill?: number;
  queueCapacity?: number;
  queueLength?: number;
  /** Requests on the wire in each direction. */
  wire?: number;
  /** Drop events in `happened`, spread over the places that refuse. */
  drops?: number;
  timeouts?: number;
  /** Shifts request ids and states, to make a later frame of the same system. */
  step?: number;
  seq?: number;
}

interface Ids {
  next: number;
}

export function fixtureFrame(options: FixtureOptions = {}): Frame {
  const o = { ...DEFAULTS, ...options };
  const ids: Ids = { next: 1 + o.step * 7 };
  const machines = Array.from({ length: o.machines }, (_, i) => machineFrame(i, o, ids));
  const shared = o.model === 'message-queue' ? sharedFrame(o, ids) : null;
  const wire = wireFrame(o.wire, ids, o.step);
  const happened = eventsFrame(o, machines);
  return {
    seq: o.seq,
    simNowMs: 1000 + o.step * 16,
    durationMs: 60_000,
    playing: true,
    finished: false,
    speed: 1,
    achievedSpeed: 1,
    events: 1000,
    total: totals(o),
    inFlight: ids.next,
    stageCounts: stageCounts(machines, wire),
    recent: {
      windowMs: 5000,
      throughputPerSec: 100,
      arrivalsPerSec: 110,
      dropsPerSec: 10,
      timeoutsPerSec: 0,
      latencyP50Ms: 20,
      latencyP99Ms: 80,
      latencyMeanMs: 25,
      cpuUtilization: 0.9,
      queueLength: 10,
    },
    model: o.model,
    machines,
    shared,
    wire,
    happened,
    selection: null,
  };
}

const DEFAULTS: Required<FixtureOptions> = {
  model: 'thread-per-connection',
  machines: 1,
  cores: 2,
  threads: 4,
  backlogCapacity: 16,
  backlogFill: 0.5,
  queueCapacity: 100,
  queueLength: 40,
  wire: 10,
  drops: 0,
  timeouts: 0,
  step: 0,
  seq: 1,
};

const STATE_MIX: ThreadState[] = [
  ThreadState.running,
  ThreadState.waitingForCore,
  ThreadState.io,
  ThreadState.idle,
  ThreadState.running,
  ThreadState.waitingToPush,
  ThreadState.waitingForCore,
  ThreadState.io,
];

function machineFrame(index: number, o: Required<FixtureOptions>, ids: Ids): MachineFrame {
  const drawn = Math.min(o.threads, 256);
  const threadState = new Uint8Array(drawn);
  const threadRequest = new Float64Array(drawn).fill(-1);
  const coreThread = new Int16Array(o.cores).fill(-1);
  let core = 0;
  for (let t = 0; t < drawn; t++) {
    let state = STATE_MIX[(t + index + o.step) % STATE_MIX.length]!;
    if (state === ThreadState.running && core >= o.cores) state = ThreadState.waitingForCore;
    if (state === ThreadState.waitingToPush && o.model !== 'message-queue') state = ThreadState.io;
    threadState[t] = state;
    if (state !== ThreadState.idle) threadRequest[t] = ids.next++;
    if (state === ThreadState.running) coreThread[core++] = t;
  }
  const backlogLength = Math.round(o.backlogCapacity * o.backlogFill);
  const backlogRequests = new Float64Array(Math.min(backlogLength, 64));
  for (let i = 0; i < backlogRequests.length; i++) backlogRequests[i] = ids.next++;
  return {
    id: index,
    draining: false,
    listening: true,
    cores: o.cores,
    coreSpeed: 1,
    coreThread,
    coreSwitching: new Uint8Array(o.cores),
    threadState,
    threadRequest,
    threads: o.threads,
    backlogLength,
    backlogCapacity: o.backlogCapacity,
    backlogRequests,
    publishingRequest: o.model === 'message-queue' && index === 0 ? ids.next++ : -1,
    openConnections: drawn + backlogLength,
    runQueueLength: 0,
    served: 0,
  };
}

function sharedFrame(o: Required<FixtureOptions>, ids: Ids): SharedQueuesFrame {
  const requestQueueRequests = new Float64Array(Math.min(o.queueLength, 64));
  for (let i = 0; i < requestQueueRequests.length; i++) requestQueueRequests[i] = ids.next++;
  const responseQueueRequests = new Float64Array([ids.next++, ids.next++]);
  return {
    requestQueueLength: o.queueLength,
    requestQueueCapacity: o.queueCapacity,
    requestQueueRequests,
    responseQueueLength: 2,
    responseQueueCapacity: 1_000_000,
    responseQueueRequests,
    sendingRequest: ids.next++,
    waitingWorkers: 0,
    blockedPushers: 0,
    blockedPublishers: 1,
  };
}

function wireFrame(perDirection: number, ids: Ids, step: number): WireFrame {
  const count = perDirection * 2;
  const wire: WireFrame = {
    count,
    requestId: new Float64Array(count),
    direction: new Uint8Array(count),
    progress: new Float32Array(count),
    machine: new Int32Array(count),
  };
  for (let i = 0; i < count; i++) {
    wire.requestId[i] = ids.next++;
    wire.direction[i] = i < perDirection ? 0 : 1;
    wire.progress[i] = ((i * 0.37 + step * 0.05) % 1) * 0.98;
    wire.machine[i] = i < perDirection ? -1 : 0;
  }
  return wire;
}

function eventsFrame(o: Required<FixtureOptions>, machines: MachineFrame[]): EventsFrame {
  const count = o.drops + o.timeouts;
  const happened: EventsFrame = {
    count,
    kind: new Uint8Array(count),
    requestId: new Float64Array(count),
    machine: new Int32Array(count),
    reason: new Int8Array(count),
    lost: 0,
  };
  for (let i = 0; i < count; i++) {
    const dropped = i < o.drops;
    happened.kind[i] = dropped ? TransitionKind.dropped : TransitionKind.timedOut;
    happened.requestId[i] = 900_000 + i;
    happened.machine[i] = machines[i % machines.length]?.id ?? -1;
    happened.reason[i] = dropped ? (o.model === 'message-queue' ? 1 : 0) : -1;
  }
  return happened;
}

function totals(o: Required<FixtureOptions>): Counts {
  return {
    arrived: 5000,
    completed: 4000,
    dropped: 900 + o.drops,
    timedOut: 10 + o.timeouts,
    dropsByReason: {
      'backlog-full': 800 + o.drops,
      'queue-full': 100,
      'nobody-listening': 0,
      'retries-exhausted': 0,
    },
    wastedJobs: 0,
    retries: 0,
  };
}

function stageCounts(machines: MachineFrame[], wire: WireFrame): Int32Array {
  const counts = new Int32Array(13);
  for (const m of machines) {
    counts[JobStage.backlog]! += m.backlogLength;
    for (const state of m.threadState) {
      if (state === ThreadState.running) counts[JobStage.running]!++;
      if (state === ThreadState.waitingForCore) counts[JobStage.waitingForCore]!++;
      if (state === ThreadState.io) counts[JobStage.io]!++;
    }
  }
  for (let i = 0; i < wire.count; i++) {
    counts[wire.direction[i] === 0 ? JobStage.networkIn : JobStage.networkOut]!++;
  }
  return counts;
}
