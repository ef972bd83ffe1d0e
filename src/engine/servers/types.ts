/**
 * What a server architecture needs from the simulation around it, and what it offers back. The
 * simulation owns clients, network, balancer and the CPU; a server decides where an accepted
 * connection waits, which thread runs it, and what happens when a thread finishes its work.
 */
import type { Cpu } from '../cpu.ts';
import { Deque } from '../deque.ts';
import { Thread, type DropReason, type Job, type Machine } from '../model.ts';
import type { Server } from '../scenario/schema.ts';

export class ServerMachine implements Machine {
  draining = false;
  threads: Thread[] = [];
  readonly backlog = new Deque<Job>();
  openConnections = 0;
  served = 0;
  listening = true;
  /** Idle threads of a thread-per-connection server, the most recently freed last. */
  readonly idleThreads: Thread[] = [];
  /** A message-queue acceptor blocked on a full queue holds the job it is publishing. */
  pendingPublish: Job | null = null;
  private nextThreadId = 0;

  constructor(
    readonly id: number,
    readonly cpu: Cpu,
  ) {}

  newThread(): Thread {
    const thread = new Thread(this.nextThreadId++, this);
    this.threads.push(thread);
    return thread;
  }

  removeThread(thread: Thread): void {
    const i = this.threads.indexOf(thread);
    if (i >= 0) this.threads.splice(i, 1);
  }

  /** Threads that will stay after the ones marked to exit have left. */
  get stayingThreads(): number {
    let n = 0;
    for (const t of this.threads) if (!t.exiting) n++;
    return n;
  }

  /** Nothing left to do: a draining machine in this state can be removed. */
  get drained(): boolean {
    return this.threads.length === 0 && this.backlog.length === 0 && !this.pendingPublish;
  }
}

export interface ServerHost {
  readonly now: number;
  /** Puts a job on a thread: the thread starts its CPU work now. */
  startJob(thread: Thread, job: Job): void;
  /** The server refuses this try. */
  refuse(job: Job, reason: DropReason): void;
  /** The server's answer leaves the machine toward the client. */
  respond(job: Job): void;
  /** A draining machine may have become empty. */
  machineMayBeDrained(machine: ServerMachine): void;
  scheduleSendDone(job: Job, atMs: number): void;
}

export interface ServerModel {
  readonly config: Server;
  addMachine(machine: ServerMachine): void;
  /** A connection the balancer gave this machine. */
  accept(machine: ServerMachine, job: Job): void;
  /** A thread finished the CPU and I/O of its job. */
  workDone(thread: Thread): void;
  /** The machine stops taking connections; its threads leave as they become free. */
  drain(machine: ServerMachine): void;
  undrain(machine: ServerMachine): void;
  setThreads(machine: ServerMachine, count: number): void;
  /** Applies new server settings; thread counts are applied per machine by the caller. */
  configure(config: Server): void;
  sendDone(job: Job): void;
}
