/**
 * The one typed contract between the page and the engine's Web Worker. The page calls these
 * methods through Comlink; every call returns a promise on the page side. Frames are pulled by
 * the page once per display frame (never pushed per event) and carry their bulk in typed arrays
 * that are transferred, not copied. Errors cross the boundary as plain { name, message } and the
 * host rethrows them.
 */
import type { Counts } from '../engine/metrics.ts';
import type { SeriesColumn } from '../engine/metrics.ts';
import type { Patch, Scenario } from '../engine/scenario/schema.ts';
import type { RunSummary } from '../engine/summary.ts';
import type { TheoryFit } from '../engine/theory/fit.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Multiplies virtual time against wall-clock time; `Infinity` runs as fast as the engine goes. */
export type Speed = number;
export const MIN_SPEED = 0.01;

/** Per machine, in the order the renderer draws them. */
export interface MachineFrame {
  id: number;
  draining: boolean;
  listening: boolean;
  cores: number;
  coreSpeed: number;
  /**
   * Per core: index of the thread on it in `threadState`, -1 when idle, or -2 when the core is busy
   * with a thread beyond the drawn ones (only with more than 256 threads).
   */
  coreThread: Int16Array;
  /** Per core: 1 while switching context (busy, no useful work), else 0. */
  coreSwitching: Uint8Array;
  /** Per thread, the ThreadState of the engine (0 idle ... 4 waitingToPush). At most 256 drawn. */
  threadState: Uint8Array;
  /** Per thread, the id of the request it holds, or -1. */
  threadRequest: Float64Array;
  /** Per drawn thread, its id, as a `SelectTarget` names it (ids and positions part on resize). */
  threadId?: Int32Array;
  /** Exact thread count (threadState may be capped). */
  threads: number;
  backlogLength: number;
  backlogCapacity: number;
  /** Request ids of the first backlog entries (at most 64), oldest first. */
  backlogRequests: Float64Array;
  /** Request the blocked acceptor holds (message queue with whenFull block), or -1. */
  publishingRequest: number;
  openConnections: number;
  runQueueLength: number;
  served: number;
}

export interface SharedQueuesFrame {
  requestQueueLength: number;
  requestQueueCapacity: number;
  /** Request ids of the oldest queued messages (at most 64). */
  requestQueueRequests: Float64Array;
  responseQueueLength: number;
  responseQueueCapacity: number;
  responseQueueRequests: Float64Array;
  /** The request the sender is sending now, or -1. */
  sendingRequest: number;
  waitingWorkers: number;
  blockedPushers: number;
  blockedPublishers: number;
}

/**
 * Requests on the wire: an even sample when there are many (at most 600); `progress` is 0 at the
 * sender, 1 at arrival.
 */
export interface WireFrame {
  count: number;
  requestId: Float64Array;
  /** 0 toward the server, 1 toward the client. */
  direction: Uint8Array;
  progress: Float32Array;
  /** Machine id for responses (-1 toward the balancer). */
  machine: Int32Array;
}

/** What happened since the previous frame, for drops falling out and completions flashing. */
export interface EventsFrame {
  count: number;
  /** TransitionKind of the engine. */
  kind: Uint8Array;
  requestId: Float64Array;
  machine: Int32Array;
  /** DropReasonCode of the engine, or -1. */
  reason: Int8Array;
  /** Entries the worker could not keep because the page fell behind. */
  lost: number;
}

export interface Frame {
  seq: number;
  simNowMs: number;
  durationMs: number;
  playing: boolean;
  finished: boolean;
  speed: Speed;
  /** Virtual ms per wall ms actually achieved over the last second. */
  achievedSpeed: number;
  events: number;
  /** Exact counts since the start of the run. */
  total: Counts;
  inFlight: number;
  /** Exact number of requests in each JobStage (indexed by JobStage). */
  stageCounts: Int32Array;
  /** Windowed figures over the last `windowMs` of virtual time, for the headline strip. */
  recent: RecentFigures;
  model: Scenario['server']['model'];
  machines: MachineFrame[];
  shared: SharedQueuesFrame | null;
  wire: WireFrame;
  happened: EventsFrame;
  selection: Inspection | null;
}

export interface RecentFigures {
  windowMs: number;
  throughputPerSec: number;
  arrivalsPerSec: number;
  dropsPerSec: number;
  timeoutsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  cpuUtilization: number;
  /** Backlog plus request queue plus messages held by blocked acceptors, now. */
  queueLength: number;
}

/** The series and distributions the charts draw, pulled a few times a second. */
export interface History {
  intervalMs: number;
  columns: { timeMs: number[] } & Record<SeriesColumn, number[]>;
  /** Latency histogram of everything completed since the start (measured window). */
  latencyBins: { loMs: number; hiMs: number; counts: number[] };
  summary: RunSummary;
  theory: TheoryFit;
}

export type SelectTarget =
  { kind: 'request'; requestId: number } | { kind: 'thread'; machineId: number; threadId: number };

export interface TimelineEntry {
  label: string;
  atMs: number;
}

export interface Inspection {
  target: SelectTarget;
  title: string;
  /** Plain-language sentence of what it is doing now. */
  doing: string;
  timeline: TimelineEntry[];
  /** For a request: the request as a message and, once answered, the response. */
  message: { request: Record<string, unknown>; response: Record<string, unknown> | null } | null;
  /** For a message-queue worker: the line of the service loop it is on. */
  loopLine: 'pop' | 'work' | 'push' | null;
  gone: boolean;
}

export interface EngineApi {
  /** Validates and loads a scenario, paused at time 0. */
  load(scenario: unknown): Result<Scenario>;
  play(): void;
  pause(): void;
  /** Runs exactly one engine event while paused; returns the virtual time after it. */
  step(): number;
  setSpeed(speed: Speed): void;
  /** Back to time 0 with the loaded scenario (live changes are forgotten). */
  reset(): void;
  /** A live change now; refused changes leave the run untouched. */
  apply(patch: Patch): Result<Scenario>;
  /** Advances virtual time by the wall time since the last call (when playing) and reports. */
  frame(wallNowMs: number): Frame;
  history(): History;
  select(target: SelectTarget | null): void;
  /** Heartbeat: answers at once with the number of frames built. */
  ping(): number;
}
