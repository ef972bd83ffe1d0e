/**
 * The inspector: one selected request or thread, followed frame by frame. It holds a reference
 * to the engine's object, not an id, so a request stays inspectable after it has settled and
 * left the engine's books. A request's timeline comes from the timestamps on it and on each try
 * of it that was seen; drops, timeouts and retries, which leave no timestamp, are read from the
 * drained transitions. A thread's timeline is the states it was seen in, so at high speed it
 * shows a sample of what the thread did, not every step.
 */
import { JobStage, Outcome, ThreadState } from '../engine/model.ts';
import type { DropReason, Job, Request, Thread } from '../engine/model.ts';
import { MessageQueueServer } from '../engine/servers/messageQueue.ts';
import type { Simulation } from '../engine/simulation.ts';
import { TransitionKind, type Transitions } from '../engine/transitions.ts';
import {
  formatMs,
  jobDoing,
  loopLineOf,
  reasonOfCode,
  reasonWords,
  threadDoing,
  threadStateWord,
} from './describe.ts';
import type { Inspection, SelectTarget, TimelineEntry } from './protocol.ts';

const MAX_THREAD_TIMELINE = 16;

/** A moment read from the transitions; `jobId` ties a retry to the try it started. */
interface Mark extends TimelineEntry {
  jobId: number;
  reason?: DropReason;
}

type Message = NonNullable<Inspection['message']>;
type ThreadTarget = Extract<SelectTarget, { kind: 'thread' }>;

export class Inspector {
  private target: SelectTarget | null = null;
  private request: Request | null = null;
  private readonly jobs: Job[] = [];
  private readonly marks: Mark[] = [];
  private thread: Thread | null = null;
  private readonly threadTimeline: TimelineEntry[] = [];
  private lastThreadKey = '';

  select(sim: Simulation, target: SelectTarget | null): void {
    this.clear();
    this.target = target;
    if (target?.kind === 'thread') this.thread = findThread(sim, target);
    if (target?.kind === 'request') this.request = findRequest(sim, target.requestId);
  }

  clear(): void {
    this.target = null;
    this.request = null;
    this.jobs.length = 0;
    this.marks.length = 0;
    this.thread = null;
    this.threadTimeline.length = 0;
    this.lastThreadKey = '';
  }

  /** Picks out of a drained batch what happened to the selected request. */
  observe(batch: Transitions): void {
    if (this.target?.kind !== 'request') return;
    const id = this.target.requestId;
    for (let k = 0; k < batch.count; k++) {
      if (batch.requestId[k] !== id) continue;
      const mark = markOf(batch, k);
      if (mark && !(mark.label === 'sent again' && mark.atMs === this.request?.sentMs)) {
        this.marks.push(mark);
      }
    }
  }

  inspect(sim: Simulation): Inspection | null {
    const target = this.target;
    if (!target) return null;
    if (target.kind === 'thread') return this.inspectThread(sim, target);
    this.request ??= findRequest(sim, target.requestId);
    return this.request ? this.inspectRequest(sim, this.request) : unseenRequest(target);
  }

  private inspectRequest(sim: Simulation, request: Request): Inspection {
    const current = request.current;
    if (current && !this.jobs.includes(current)) this.jobs.push(current);
    const lastJob = this.jobs[this.jobs.length - 1] ?? null;
    // A message-queue job keeps its `thread` after the worker has handed it to the sender.
    const thread = lastJob && lastJob.thread?.job === lastJob ? lastJob.thread : null;
    return {
      target: this.target!,
      title: `Request ${request.id}`,
      doing: this.requestDoing(sim, request, lastJob),
      timeline: this.requestTimeline(request),
      message: messageOf(request, lastJob, this.marks),
      loopLine: thread && isMessageQueue(sim) ? loopLineOf(thread.state) : null,
      gone: false,
    };
  }

  private requestDoing(sim: Simulation, request: Request, lastJob: Job | null): string {
    switch (request.outcome) {
      case Outcome.completed:
        return `answered: the client had its response ${formatLatency(request)}`;
      case Outcome.dropped:
        return `dropped: ${reasonWords(dropReasonOf(request, lastJob, this.marks))}`;
      case Outcome.timedOut:
        return lastJob && isAtServer(lastJob)
          ? 'timed out: the client gave up, but the server still has it (wasted work)'
          : 'timed out: the client gave up waiting';
      case Outcome.pending:
        return request.current
          ? jobDoing(sim, request.current)
          : `waiting to be sent again (try ${request.attempts} failed)`;
    }
  }

  private requestTimeline(request: Request): TimelineEntry[] {
    const entries: TimelineEntry[] = [{ label: 'sent', atMs: request.sentMs }];
    for (const job of this.jobs) entries.push(...jobTimeline(job));
    for (const mark of this.marks) {
      const seen = this.jobs.some((j) => j.id === mark.jobId);
      if (mark.label === 'sent again' && seen) continue;
      entries.push({ label: mark.label, atMs: mark.atMs });
    }
    if (request.receivedMs >= 0) entries.push({ label: 'received', atMs: request.receivedMs });
    return entries.sort((a, b) => a.atMs - b.atMs);
  }

  private inspectThread(sim: Simulation, target: ThreadTarget): Inspection {
    const thread = this.thread;
    const mq = isMessageQueue(sim);
    const title = `${mq ? 'Worker' : 'Thread'} ${target.threadId} of machine ${target.machineId}`;
    const timeline = [...this.threadTimeline];
    if (!thread || !isPresent(sim, thread)) {
      const doing = 'gone: it left when its pool shrank or its machine was removed';
      return { target, title, doing, timeline, message: null, loopLine: null, gone: true };
    }
    this.noteThreadState(sim, thread);
    const job = thread.job;
    return {
      target,
      title,
      doing: threadDoing(sim, thread),
      timeline: [...this.threadTimeline],
      message: job ? messageOf(job.request, job, []) : null,
      loopLine: mq ? loopLineOf(thread.state) : null,
      gone: false,
    };
  }

  private noteThreadState(sim: Simulation, thread: Thread): void {
    const job = thread.job;
    const key = `${thread.state}:${job ? job.id : -1}`;
    if (key === this.lastThreadKey) return;
    this.lastThreadKey = key;
    const holding = job && thread.state !== ThreadState.idle ? ` (request ${job.request.id})` : '';
    const label = `${threadStateWord(sim, thread.state)}${holding}`;
    this.threadTimeline.push({ label, atMs: thread.stateSinceMs });
    if (this.threadTimeline.length > MAX_THREAD_TIMELINE) this.threadTimeline.shift();
  }
}

function isMessageQueue(sim: Simulation): boolean {
  return sim.server instanceof MessageQueueServer;
}

function findThread(sim: Simulation, target: ThreadTarget): Thread | null {
  const machine = sim.machines.find((m) => m.id === target.machineId);
  return machine?.threads.find((t) => t.id === target.threadId) ?? null;
}

function isPresent(sim: Simulation, thread: Thread): boolean {
  return sim.machines.some((m) => m === thread.machine && m.threads.includes(thread));
}

/** A settled request has left the engine's books, unless a thread or the wire still holds it. */
function findRequest(sim: Simulation, requestId: number): Request | null {
  const open = sim.openRequests?.get(requestId);
  if (open) return open;
  for (const machine of sim.machines) {
    for (const thread of machine.threads) {
      if (thread.job?.request.id === requestId) return thread.job.request;
    }
  }
  for (const job of sim.onTheWire) if (job.request.id === requestId) return job.request;
  return null;
}

function unseenRequest(target: SelectTarget): Inspection {
  return {
    target,
    title: target.kind === 'request' ? `Request ${target.requestId}` : 'Request',
    doing: 'no longer in the run: it had settled before it was picked',
    timeline: [],
    message: null,
    loopLine: null,
    gone: true,
  };
}

function markOf(batch: Transitions, k: number): Mark | null {
  const atMs = batch.timeMs[k]!;
  const jobId = batch.jobId[k]!;
  switch (batch.kind[k]) {
    case TransitionKind.dropped: {
      const reason = reasonOfCode(batch.reason[k]!) ?? undefined;
      return { label: `dropped: ${reason ? reasonWords(reason) : 'no room'}`, atMs, jobId, reason };
    }
    case TransitionKind.timedOut:
      return { label: 'timed out', atMs, jobId };
    case TransitionKind.sent:
      return { label: 'sent again', atMs, jobId };
    default:
      return null;
  }
}

function jobTimeline(job: Job): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const add = (label: string, atMs: number) => {
    if (atMs >= 0) entries.push({ label, atMs });
  };
  if (job.attempt > 1) add(`sent again (try ${job.attempt})`, job.sentMs);
  add(`arrived at machine ${job.machine?.id ?? '?'}`, job.arrivedMs);
  add('started', job.startedMs);
  add('CPU done', job.cpuDoneMs);
  add('work done', job.workDoneMs);
  add('responded', job.respondedMs);
  return entries;
}

/** Still waiting or being worked on in the server, though its client gave up. */
function isAtServer(job: Job): boolean {
  switch (job.stage) {
    case JobStage.networkIn:
    case JobStage.networkOut:
    case JobStage.done:
    case JobStage.dropped:
      return false;
    default:
      return true;
  }
}

/** The engine settles a request whose retries all failed as 'retries-exhausted'. */
function dropReasonOf(request: Request, job: Job | null, marks: Mark[]): DropReason {
  if (request.attempts > 1) return 'retries-exhausted';
  const marked = marks.findLast((m) => m.reason !== undefined)?.reason;
  return job?.dropReason ?? marked ?? 'backlog-full';
}

function formatLatency(request: Request): string {
  return `after ${formatMs(request.receivedMs - request.sentMs)}`;
}

/** The request as the message a client sends, and the response once the client has one. */
function messageOf(request: Request, job: Job | null, marks: Mark[]): Message {
  const args = { cpuMs: rounded(request.cpuMs), ioMs: rounded(request.ioMs) };
  const attempt = job?.attempt ?? request.attempts;
  return {
    request: { id: request.id, method: 'work', args, attempt },
    response: responseOf(request, job, marks),
  };
}

function responseOf(
  request: Request,
  job: Job | null,
  marks: Mark[],
): Record<string, unknown> | null {
  const id = request.id;
  switch (request.outcome) {
    case Outcome.pending:
      return null;
    case Outcome.completed:
      return { id, status: 'ok', latencyMs: rounded(request.receivedMs - request.sentMs) };
    case Outcome.dropped:
      return { id, status: 'dropped', reason: dropReasonOf(request, job, marks) };
    case Outcome.timedOut:
      return { id, status: 'timed-out' };
  }
}

/** Microsecond precision is plenty to read. */
function rounded(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
