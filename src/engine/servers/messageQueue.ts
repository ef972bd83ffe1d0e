/**
 * The message-queue architecture (the RabbitMQ picture). Each machine's acceptor publishes every
 * connection's request to one bounded request queue shared by the worker threads of all machines
 * (competing consumers: workers pull, no balancer chooses them). Every worker runs the service
 * loop: pop (waits while the queue is empty), work, push the response (waits while the response
 * queue is full). A sender takes responses from the response queue and returns them to clients.
 *
 * When the request queue is full the acceptor either rejects the request (dropped) or blocks
 * (`whenFull: block`): it holds the request until there is room, and meanwhile new connections
 * wait in its machine's backlog, which drops them once full. That is backpressure: a slow
 * consumer makes producers wait, all the way back to the clients.
 */
import { Deque } from '../deque.ts';
import { JobStage, ThreadState, type Job, type Thread } from '../model.ts';
import type { MessageQueue } from '../scenario/schema.ts';
import type { ServerHost, ServerMachine, ServerModel } from './types.ts';

export class MessageQueueServer implements ServerModel {
  readonly requestQueue = new Deque<Job>();
  readonly responseQueue = new Deque<Job>();
  /** Workers waiting in pop, longest-waiting first. */
  readonly waitingWorkers = new Deque<Thread>();
  /** Workers waiting to push into the full response queue, longest-waiting first. */
  readonly blockedPushers = new Deque<Thread>();
  /** Acceptors waiting to publish into the full request queue, longest-waiting first. */
  readonly blockedPublishers = new Deque<ServerMachine>();
  /**
   * The response the sender is sending now.
   * Limitation: one sender for all machines, and accepting and publishing take no time; only the
   * sender's `sendMs` gives the front end a cost.
   */
  sending: Job | null = null;

  constructor(
    private readonly host: ServerHost,
    public config: MessageQueue,
  ) {}

  addMachine(machine: ServerMachine): void {
    this.setThreads(machine, this.config.workers);
  }

  accept(machine: ServerMachine, job: Job): void {
    if (machine.pendingPublish || machine.backlog.length > 0) {
      if (machine.backlog.length >= this.config.backlog)
        return this.host.refuse(job, 'backlog-full');
      job.stage = JobStage.backlog;
      machine.backlog.push(job);
      return;
    }
    this.publish(machine, job);
  }

  workDone(thread: Thread): void {
    const job = thread.job!;
    if (this.config.sendMs === 0) {
      this.host.respond(job);
    } else if (!this.sending) {
      this.startSending(job);
    } else if (this.responseQueue.length < this.config.responseQueueCapacity) {
      job.stage = JobStage.responseQueue;
      this.responseQueue.push(job);
    } else {
      job.stage = JobStage.waitingToPush;
      thread.state = ThreadState.waitingToPush;
      thread.stateSinceMs = this.host.now;
      this.blockedPushers.push(thread);
      return;
    }
    (thread.machine as ServerMachine).served++;
    thread.job = null;
    job.thread = null;
    this.pop(thread);
  }

  sendDone(job: Job): void {
    this.host.respond(job);
    this.sending = null;
    const next = this.responseQueue.shift();
    if (next) this.startSending(next);
    this.admitBlockedPushers();
  }

  drain(machine: ServerMachine): void {
    machine.draining = true;
    for (const thread of [...machine.threads]) {
      if (this.waitingWorkers.remove(thread)) machine.removeThread(thread);
      else thread.exiting = true;
    }
    this.host.machineMayBeDrained(machine);
  }

  undrain(machine: ServerMachine): void {
    machine.draining = false;
    for (const thread of machine.threads) thread.exiting = false;
    this.setThreads(machine, this.config.workers);
  }

  setThreads(machine: ServerMachine, count: number): void {
    if (machine.draining) return;
    for (const thread of machine.threads) {
      if (machine.stayingThreads >= count) break;
      thread.exiting = false;
    }
    while (machine.stayingThreads < count) this.pop(machine.newThread());
    for (let i = machine.threads.length - 1; i >= 0 && machine.stayingThreads > count; i--) {
      const thread = machine.threads[i]!;
      if (this.waitingWorkers.remove(thread)) machine.removeThread(thread);
      else thread.exiting = true;
    }
  }

  configure(config: MessageQueue): void {
    this.config = config;
    this.admitBlockedPublishers();
    this.admitBlockedPushers();
  }

  /** The acceptor hands the request to a waiting worker, queues it, rejects it, or blocks. */
  private publish(machine: ServerMachine, job: Job): void {
    const worker = this.waitingWorkers.shift();
    if (worker) return this.host.startJob(worker, job);
    if (this.requestQueue.length < this.config.queueCapacity) {
      job.stage = JobStage.queued;
      this.requestQueue.push(job);
      return;
    }
    if (this.config.whenFull === 'reject') return this.host.refuse(job, 'queue-full');
    job.stage = JobStage.publishing;
    machine.pendingPublish = job;
    this.blockedPublishers.push(machine);
  }

  /** The service loop's pop: take the oldest message, or wait for one. */
  private pop(thread: Thread): void {
    const machine = thread.machine as ServerMachine;
    if (thread.exiting || machine.draining) {
      machine.removeThread(thread);
      this.host.machineMayBeDrained(machine);
      return;
    }
    const job = this.requestQueue.shift();
    if (!job) {
      thread.state = ThreadState.idle;
      thread.stateSinceMs = this.host.now;
      this.waitingWorkers.push(thread);
      return;
    }
    this.host.startJob(thread, job);
    this.admitBlockedPublishers();
  }

  /** Room in the request queue lets blocked acceptors publish, then catch up on their backlog. */
  private admitBlockedPublishers(): void {
    while (this.blockedPublishers.length > 0) {
      if (
        this.requestQueue.length >= this.config.queueCapacity &&
        this.waitingWorkers.length === 0
      ) {
        return;
      }
      const machine = this.blockedPublishers.shift()!;
      const job = machine.pendingPublish!;
      machine.pendingPublish = null;
      this.publish(machine, job);
      this.publishBacklog(machine);
    }
  }

  private publishBacklog(machine: ServerMachine): void {
    while (!machine.pendingPublish && machine.backlog.length > 0) {
      this.publish(machine, machine.backlog.shift()!);
    }
    this.host.machineMayBeDrained(machine);
  }

  private admitBlockedPushers(): void {
    while (this.blockedPushers.length > 0) {
      const room = this.config.responseQueueCapacity - this.responseQueue.length;
      if (this.sending && room <= 0 && this.config.sendMs > 0) return;
      const thread = this.blockedPushers.shift()!;
      this.workDone(thread);
    }
  }

  private startSending(job: Job): void {
    this.sending = job;
    job.stage = JobStage.sending;
    this.host.scheduleSendDone(job, this.host.now + this.config.sendMs);
  }
}
