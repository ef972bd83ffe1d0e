/**
 * The inspector's sentences: what a request or a thread is doing now, in the model's own words
 * (backlog, request queue, core, I/O, push). Each sentence reads the engine's state at the
 * moment of the frame; positions in a queue are found by walking it, which is fine for the one
 * thing selected, and stops after `MAX_POSITION_SEARCH` entries.
 */
import { DROP_REASONS, DropReasonCode, JobStage, ThreadState } from '../engine/model.ts';
import type { DropReason, Job, Thread } from '../engine/model.ts';
import type { Deque } from '../engine/deque.ts';
import { MessageQueueServer } from '../engine/servers/messageQueue.ts';
import type { ServerMachine } from '../engine/servers/types.ts';
import type { Simulation } from '../engine/simulation.ts';

const MAX_POSITION_SEARCH = 10_000;

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

export function reasonWords(reason: DropReason): string {
  switch (reason) {
    case 'backlog-full':
      return 'the backlog was full';
    case 'queue-full':
      return 'the request queue was full';
    case 'nobody-listening':
      return 'nobody was listening';
    case 'retries-exhausted':
      return 'every retry failed';
  }
}

export function reasonOfCode(code: number): DropReason | null {
  return DROP_REASONS.find((r) => DropReasonCode[r] === code) ?? null;
}

/** Where a try of a request is and what happens to it there. */
export function jobDoing(sim: Simulation, job: Job): string {
  const machine = job.machine?.id ?? -1;
  const thread = job.thread;
  const threadId = thread ? thread.id : '?';
  const on = thread ? `thread ${threadId} of machine ${machine}` : `machine ${machine}`;
  const mq = sim.server instanceof MessageQueueServer ? sim.server : null;
  switch (job.stage) {
    case JobStage.networkIn:
      return 'on the network, on its way to the balancer';
    case JobStage.backlog:
      return `waiting in the backlog of machine ${machine} (${positionOf(backlogOf(job), job)})`;
    case JobStage.publishing:
      return `held by the acceptor of machine ${machine}: the request queue is full`;
    case JobStage.queued:
      return `waiting in the request queue (${mq ? positionOf(mq.requestQueue, job) : 'queued'})`;
    case JobStage.waitingForCore:
      return `ready on ${on}, waiting for a core`;
    case JobStage.running:
      return `running on core ${coreOf(thread)} of machine ${machine} (thread ${threadId})`;
    case JobStage.io:
      return `waiting on I/O for ${formatMs(ioLeftMs(sim, job))} more (${on})`;
    case JobStage.waitingToPush:
      return `waiting to push: the response queue is full (${on})`;
    case JobStage.responseQueue:
      return `waiting in the response queue (${mq ? positionOf(mq.responseQueue, job) : 'queued'})`;
    case JobStage.sending:
      return 'being sent back to the client by the sender';
    case JobStage.networkOut:
      return 'on the network, on its way back to the client';
    case JobStage.done:
      return 'finished';
    case JobStage.dropped:
      return `refused: ${job.dropReason ? reasonWords(job.dropReason) : 'no room'}`;
  }
}

/** What a thread (or a message-queue worker) is doing, and whether it is about to leave. */
export function threadDoing(sim: Simulation, thread: Thread): string {
  const request = thread.job ? `request ${thread.job.request.id}` : 'its request';
  const doing = threadStateDoing(sim, thread, request);
  return thread.exiting ? `${doing}; it leaves when done, as its pool is shrinking` : doing;
}

function threadStateDoing(sim: Simulation, thread: Thread, request: string): string {
  const machine = thread.machine as ServerMachine;
  switch (thread.state) {
    case ThreadState.idle:
      return sim.server instanceof MessageQueueServer
        ? 'waiting to pop: the request queue is empty'
        : 'idle, waiting for a connection';
    case ThreadState.running:
      return `running ${request} on core ${thread.core?.index ?? '?'} of machine ${machine.id}`;
    case ThreadState.waitingForCore: {
      const waiting = machine.cpu.runQueue.length;
      return `ready to run ${request}, waiting for a core (${waiting} waiting on this machine)`;
    }
    case ThreadState.io: {
      const leftMs = thread.job ? ioLeftMs(sim, thread.job) : 0;
      return `waiting on I/O for ${request}: ${formatMs(leftMs)} to go`;
    }
    case ThreadState.waitingToPush:
      return `waiting to push the response to ${request}: the response queue is full`;
  }
}

/** A short word for a thread state, for the thread's timeline. */
export function threadStateWord(sim: Simulation, state: ThreadState): string {
  switch (state) {
    case ThreadState.idle:
      return sim.server instanceof MessageQueueServer ? 'waiting to pop' : 'idle';
    case ThreadState.running:
      return 'running';
    case ThreadState.waitingForCore:
      return 'waiting for a core';
    case ThreadState.io:
      return 'in I/O';
    case ThreadState.waitingToPush:
      return 'waiting to push';
  }
}

/** The line of the service loop a message-queue worker in this state is on. */
export function loopLineOf(state: ThreadState): 'pop' | 'work' | 'push' {
  switch (state) {
    case ThreadState.idle:
      return 'pop';
    case ThreadState.running:
    case ThreadState.waitingForCore:
    case ThreadState.io:
      return 'work';
    case ThreadState.waitingToPush:
      return 'push';
  }
}

function coreOf(thread: Thread | null): number | string {
  return thread?.core ? thread.core.index : '?';
}

function ioLeftMs(sim: Simulation, job: Job): number {
  return Math.max(0, job.cpuDoneMs + job.request.ioMs - sim.now);
}

function backlogOf(job: Job): Deque<Job> | null {
  return job.machine ? job.machine.backlog : null;
}

function positionOf(queue: Deque<Job> | null, job: Job): string {
  if (!queue) return 'queued';
  const limit = Math.min(queue.length, MAX_POSITION_SEARCH);
  for (let i = 0; i < limit; i++) {
    if (queue.at(i) === job) return `position ${i + 1} of ${queue.length}`;
  }
  return `beyond position ${limit} of ${queue.length}`;
}
