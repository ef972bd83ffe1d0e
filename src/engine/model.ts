/**
 * The things the engine moves around, and the words for their states. A *request* is one unit of
 * work a client wants done; each time the client sends it (the first try and any retries) is a
 * *job*, because a timed-out try may still be worked on by the server while its retry is too.
 * Threads live on machines and run jobs; cores run threads. States are small integers so that
 * frames can carry them in typed arrays; the names below are the words used on screen.
 */
import type { Deque } from './deque.ts';

/** Where a job is. */
export const JobStage = {
  networkIn: 0,
  backlog: 1,
  publishing: 2,
  queued: 3,
  waitingForCore: 4,
  running: 5,
  io: 6,
  waitingToPush: 7,
  responseQueue: 8,
  sending: 9,
  networkOut: 10,
  done: 11,
  dropped: 12,
} as const;
export type JobStage = (typeof JobStage)[keyof typeof JobStage];
export const JOB_STAGE_NAMES = Object.keys(JobStage) as (keyof typeof JobStage)[];

/** What a thread is doing. An idle worker of a message queue is waiting to pop. */
export const ThreadState = {
  idle: 0,
  running: 1,
  waitingForCore: 2,
  io: 3,
  waitingToPush: 4,
} as const;
export type ThreadState = (typeof ThreadState)[keyof typeof ThreadState];
export const THREAD_STATE_NAMES = Object.keys(ThreadState) as (keyof typeof ThreadState)[];

export const DROP_REASONS = [
  'backlog-full',
  'queue-full',
  'nobody-listening',
  'retries-exhausted',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];
export const DropReasonCode: Record<DropReason, number> = {
  'backlog-full': 0,
  'queue-full': 1,
  'nobody-listening': 2,
  'retries-exhausted': 3,
};

export const Outcome = { pending: 0, completed: 1, dropped: 2, timedOut: 3 } as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

export class Request {
  outcome: Outcome = Outcome.pending;
  attempts = 0;
  receivedMs = -1;
  /** The job now waited on by the client, if any. */
  current: Job | null = null;

  constructor(
    readonly id: number,
    readonly sentMs: number,
    readonly cpuMs: number,
    readonly ioMs: number,
    readonly measured: boolean,
    readonly user: ClosedUser | null,
  ) {}
}

export class Job {
  stage: JobStage = JobStage.networkIn;
  machine: Machine | null = null;
  thread: Thread | null = null;
  /** The client gave up on this try; the server may still finish it (wasted work). */
  abandoned = false;
  /** In the simulation's set of jobs on the wire. */
  onWire = false;
  sentMs: number;
  arrivedMs = -1;
  startedMs = -1;
  cpuDoneMs = -1;
  workDoneMs = -1;
  respondedMs = -1;
  dropReason: DropReason | null = null;

  constructor(
    readonly id: number,
    readonly request: Request,
    readonly attempt: number,
    now: number,
  ) {
    this.sentMs = now;
  }
}

export class ClosedUser {
  /** Bumped when the user is removed, so its pending events are ignored. */
  active = true;
  constructor(readonly id: number) {}
}

export class Thread {
  state: ThreadState = ThreadState.idle;
  job: Job | null = null;
  /** CPU work still to do on the current job, in milliseconds at core speed 1. */
  cpuLeftMs = 0;
  core: Core | null = null;
  /** Set when the thread pool shrinks: the thread finishes its job, then leaves. */
  exiting = false;
  /** When the current state began, for the inspector's timeline. */
  stateSinceMs = 0;
  served = 0;

  constructor(
    readonly id: number,
    readonly machine: Machine,
  ) {}
}

export class Core {
  thread: Thread | null = null;
  /** When the current slice began (after any context switch). */
  sliceStartMs = 0;
  /** When the pending slice-end event fires. */
  sliceEndMs = Infinity;
  /** Bumped whenever the pending slice-end event is replaced, so the old one is ignored. */
  version = 0;

  constructor(readonly index: number) {}
}

/** The per-machine state that the CPU scheduler and the servers share. */
export interface Machine {
  readonly id: number;
  draining: boolean;
  threads: Thread[];
  backlog: Deque<Job>;
  /** Connections accepted and not yet answered or refused: what least-connections counts. */
  openConnections: number;
  /** Responses sent, for a server that stops after a number of them. */
  served: number;
  listening: boolean;
}
