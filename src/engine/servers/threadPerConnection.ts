/**
 * Thread per connection, the classic web server: each machine has a fixed pool of threads. A new
 * connection goes to an idle thread; when every thread is busy it waits in the machine's backlog
 * (the TCP accept queue); when the backlog is full it is dropped. A thread answers its
 * connection, then takes the oldest waiting one. With `stopAfter`, the server is a program rather
 * than a service: after that many answers it stops listening, and whoever comes next finds
 * nobody there.
 */
import { JobStage, ThreadState, type Job, type Thread } from '../model.ts';
import type { ThreadPerConnection } from '../scenario/schema.ts';
import type { ServerHost, ServerMachine, ServerModel } from './types.ts';

export class ThreadPerConnectionServer implements ServerModel {
  constructor(
    private readonly host: ServerHost,
    public config: ThreadPerConnection,
  ) {}

  addMachine(machine: ServerMachine): void {
    this.setThreads(machine, this.config.threads);
  }

  accept(machine: ServerMachine, job: Job): void {
    if (!machine.listening) return this.host.refuse(job, 'nobody-listening');
    const thread = machine.idleThreads.pop();
    if (thread) return this.host.startJob(thread, job);
    if (machine.backlog.length >= this.config.backlog) return this.host.refuse(job, 'backlog-full');
    job.stage = JobStage.backlog;
    machine.backlog.push(job);
  }

  workDone(thread: Thread): void {
    const machine = thread.machine as ServerMachine;
    this.host.respond(thread.job!);
    thread.job = null;
    machine.served++;
    if (this.config.stopAfter !== null && machine.served >= this.config.stopAfter) {
      this.stopListening(machine);
    }
    this.next(thread);
  }

  drain(machine: ServerMachine): void {
    machine.draining = true;
    for (const thread of machine.idleThreads.splice(0)) machine.removeThread(thread);
    for (const thread of machine.threads) thread.exiting = true;
    this.host.machineMayBeDrained(machine);
  }

  undrain(machine: ServerMachine): void {
    machine.draining = false;
    for (const thread of machine.threads) thread.exiting = false;
    this.setThreads(machine, this.config.threads);
  }

  /** Growing adds idle threads that take waiting connections; shrinking lets busy ones finish. */
  setThreads(machine: ServerMachine, count: number): void {
    this.listenAgainIfAllowed(machine);
    if (machine.draining) return;
    for (const thread of machine.threads) {
      if (machine.stayingThreads >= count) break;
      thread.exiting = false;
    }
    while (machine.stayingThreads < count) this.next(machine.newThread());
    while (machine.stayingThreads > count && machine.idleThreads.length > 0) {
      machine.removeThread(machine.idleThreads.pop()!);
    }
    for (let i = machine.threads.length - 1; i >= 0 && machine.stayingThreads > count; i--) {
      machine.threads[i]!.exiting = true;
    }
  }

  configure(config: ThreadPerConnection): void {
    this.config = config;
  }

  /** Lifting `stopAfter`, or raising it past what was served, turns the program into a service. */
  private listenAgainIfAllowed(machine: ServerMachine): void {
    const limit = this.config.stopAfter;
    if (machine.listening || (limit !== null && machine.served >= limit)) return;
    machine.listening = true;
  }

  sendDone(): void {
    throw new Error('a thread-per-connection server has no sender');
  }

  /** The thread is free: it takes the oldest waiting connection, leaves, or idles. */
  private next(thread: Thread): void {
    const machine = thread.machine as ServerMachine;
    // A draining machine's threads still answer the connections it accepted, then leave.
    const takes = machine.listening && (!thread.exiting || machine.draining);
    const job = takes ? machine.backlog.shift() : undefined;
    if (job) return this.host.startJob(thread, job);
    if (thread.exiting) {
      machine.removeThread(thread);
      this.host.machineMayBeDrained(machine);
      return;
    }
    thread.state = ThreadState.idle;
    thread.stateSinceMs = this.host.now;
    machine.idleThreads.push(thread);
  }

  private stopListening(machine: ServerMachine): void {
    machine.listening = false;
    for (let job = machine.backlog.shift(); job; job = machine.backlog.shift()) {
      this.host.refuse(job, 'nobody-listening');
    }
  }
}
