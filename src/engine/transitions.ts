/**
 * A log of what happened to requests since a renderer last looked: sent, arrived, started,
 * responded, completed, dropped (with the reason and the place), timed out, and machines coming
 * and going. It is a ring of fixed size; when a renderer falls behind the oldest entries are
 * overwritten and counted as lost, so drawing never costs the engine unbounded memory.
 */
import { DropReasonCode, type DropReason, type Job } from './model.ts';

export const TransitionKind = {
  sent: 0,
  arrived: 1,
  started: 2,
  responded: 3,
  completed: 4,
  dropped: 5,
  timedOut: 6,
  machineAdded: 7,
  machineRemoved: 8,
} as const;
export type TransitionKind = (typeof TransitionKind)[keyof typeof TransitionKind];

/** Columns of a drained batch; `reason` is a DropReasonCode or -1, `machine` -1 when none. */
export interface Transitions {
  count: number;
  lost: number;
  timeMs: Float64Array;
  kind: Uint8Array;
  jobId: Float64Array;
  requestId: Float64Array;
  machine: Int32Array;
  thread: Int32Array;
  stage: Int8Array;
  reason: Int8Array;
  /** Latency for `completed`, wait for `started`, else 0 (milliseconds). */
  valueMs: Float64Array;
}

export class TransitionLog {
  private readonly timeMs: Float64Array;
  private readonly kind: Uint8Array;
  private readonly jobId: Float64Array;
  private readonly requestId: Float64Array;
  private readonly machine: Int32Array;
  private readonly thread: Int32Array;
  private readonly stage: Int8Array;
  private readonly reason: Int8Array;
  private readonly valueMs: Float64Array;
  private start = 0;
  private size = 0;
  private lost = 0;

  constructor(readonly capacity = 8192) {
    this.timeMs = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.jobId = new Float64Array(capacity);
    this.requestId = new Float64Array(capacity);
    this.machine = new Int32Array(capacity);
    this.thread = new Int32Array(capacity);
    this.stage = new Int8Array(capacity);
    this.reason = new Int8Array(capacity);
    this.valueMs = new Float64Array(capacity);
  }

  record(
    nowMs: number,
    kind: TransitionKind,
    job: Job | null,
    reason?: DropReason,
    machineId?: number,
  ) {
    if (this.size === this.capacity) {
      this.start = (this.start + 1) % this.capacity;
      this.size--;
      this.lost++;
    }
    const i = (this.start + this.size++) % this.capacity;
    this.timeMs[i] = nowMs;
    this.kind[i] = kind;
    this.jobId[i] = job ? job.id : -1;
    this.requestId[i] = job ? job.request.id : -1;
    this.machine[i] = machineId ?? job?.machine?.id ?? -1;
    this.thread[i] = job?.thread?.id ?? -1;
    this.stage[i] = job ? job.stage : -1;
    this.reason[i] = reason ? DropReasonCode[reason] : -1;
    this.valueMs[i] = job ? valueOf(nowMs, kind, job) : 0;
  }

  /** Everything since the last drain, oldest first, in fresh arrays that may be transferred. */
  drain(): Transitions {
    const n = this.size;
    const out: Transitions = {
      count: n,
      lost: this.lost,
      timeMs: new Float64Array(n),
      kind: new Uint8Array(n),
      jobId: new Float64Array(n),
      requestId: new Float64Array(n),
      machine: new Int32Array(n),
      thread: new Int32Array(n),
      stage: new Int8Array(n),
      reason: new Int8Array(n),
      valueMs: new Float64Array(n),
    };
    for (let k = 0; k < n; k++) {
      const i = (this.start + k) % this.capacity;
      out.timeMs[k] = this.timeMs[i]!;
      out.kind[k] = this.kind[i]!;
      out.jobId[k] = this.jobId[i]!;
      out.requestId[k] = this.requestId[i]!;
      out.machine[k] = this.machine[i]!;
      out.thread[k] = this.thread[i]!;
      out.stage[k] = this.stage[i]!;
      out.reason[k] = this.reason[i]!;
      out.valueMs[k] = this.valueMs[i]!;
    }
    this.start = 0;
    this.size = 0;
    this.lost = 0;
    return out;
  }
}

function valueOf(nowMs: number, kind: TransitionKind, job: Job): number {
  if (kind === TransitionKind.completed) return nowMs - job.request.sentMs;
  if (kind === TransitionKind.started) return nowMs - job.arrivedMs;
  return 0;
}
