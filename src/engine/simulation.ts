/**
 * The simulation: clients send requests over the network to a balancer, which hands each
 * connection to a machine, whose server architecture decides where it waits and which thread
 * runs it; the thread needs CPU on a core, then waits on I/O holding no core, then the answer
 * travels back. Clients may give up (timeout) and try again (retry with backoff); closed clients
 * think between requests. Everything happens in virtual time, driven by the event queue, and
 * every knob can change while it runs (see `apply`).
 *
 * One scenario and seed give one run: all randomness comes from named streams of the seed, and
 * events at the same instant run in the order they were scheduled.
 */
import { nextArrivalMs } from './arrivals.ts';
import { BalancerState } from './balancer.ts';
import { Cpu, type CpuHost } from './cpu.ts';
import { Sampler } from './distributions.ts';
import { EventQueue, PRIORITY_FIRST, PRIORITY_LAST, type PoppedEvent } from './kernel.ts';
import { Metrics } from './metrics.ts';
import {
  ClosedUser,
  Core,
  Job,
  JobStage,
  Outcome,
  Request,
  ThreadState,
  type DropReason,
  type Thread,
} from './model.ts';
import { createStream, type Xoshiro128 } from './random.ts';
import { applyPatch } from './scenario/patch.ts';
import type { Patch, Scenario } from './scenario/schema.ts';
import { MessageQueueServer } from './servers/messageQueue.ts';
import { ThreadPerConnectionServer } from './servers/threadPerConnection.ts';
import { ServerMachine, type ServerHost, type ServerModel } from './servers/types.ts';
import { TransitionLog, TransitionKind } from './transitions.ts';

const enum Ev {
  Arrival,
  UserSends,
  AtServer,
  SliceEnd,
  IoDone,
  AtClient,
  Timeout,
  Retry,
  SendDone,
  Change,
  Tick,
  WarmupEnds,
}

type EventRef = Job | Core | Thread | Request | ClosedUser | Patch | null;

export interface SimulationOptions {
  /** The series interval in virtual milliseconds. */
  seriesIntervalMs?: number;
  /** Keep a log of transitions for a renderer to drain. */
  recordTransitions?: boolean;
  /** Keep open requests by id, for inspectors and tests (default); headless runs turn it off. */
  trackRequests?: boolean;
}

export class Simulation implements ServerHost, CpuHost {
  now = 0;
  eventsProcessed = 0;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly metrics = new Metrics();
  readonly transitions: TransitionLog | null;
  /** Machines, accepting and draining, in the order they were added. */
  readonly machines: ServerMachine[] = [];
  readonly server: ServerModel;
  /** Jobs on the wire in either direction, for drawing. */
  readonly onTheWire = new Set<Job>();
  /** Requests not yet settled, by id, for the inspector; kept only when `trackRequests`. */
  readonly openRequests: Map<number, Request> | null;
  /** How many requests are not yet settled. */
  openCount = 0;
  config: Scenario;

  private readonly events = new EventQueue<EventRef>();
  private readonly popped: PoppedEvent<EventRef> = { time: 0, kind: 0, aux: 0, ref: null };
  private readonly streams: Record<'arrivals' | 'cpu' | 'io' | 'balancer' | 'think', Xoshiro128>;
  private readonly balancer: BalancerState;
  private cpuSampler: Sampler;
  private ioSampler: Sampler;
  private thinkSampler: Sampler | null = null;
  private nextRequestId = 1;
  private nextJobId = 1;
  private nextMachineId = 0;
  private arrivalVersion = 0;
  private loadStartMs = 0;
  private readonly users: ClosedUser[] = [];
  private accepting: ServerMachine[] = [];
  private readonly seriesIntervalMs: number;

  constructor(scenario: Scenario, options: SimulationOptions = {}) {
    this.config = scenario;
    this.durationMs = scenario.durationSec * 1000;
    this.warmupMs = scenario.warmupSec * 1000;
    this.seriesIntervalMs = options.seriesIntervalMs ?? 1000;
    this.transitions = options.recordTransitions ? new TransitionLog() : null;
    const track = options.trackRequests ?? true;
    this.openRequests = track ? new Map() : null;
    const seed = scenario.seed;
    this.streams = {
      arrivals: createStream(seed, 'arrivals'),
      cpu: createStream(seed, 'cpu'),
      io: createStream(seed, 'io'),
      balancer: createStream(seed, 'balancer'),
      think: createStream(seed, 'think'),
    };
    this.balancer = new BalancerState(scenario.balancer, this.streams.balancer);
    this.cpuSampler = new Sampler(scenario.request.cpuMs);
    this.ioSampler = new Sampler(scenario.request.ioMs);
    this.server =
      scenario.server.model === 'thread-per-connection'
        ? new ThreadPerConnectionServer(this, scenario.server)
        : new MessageQueueServer(this, scenario.server);
    this.setMachineCount(scenario.machines.count);
    this.startLoad();
    for (const change of scenario.changes) {
      this.events.schedule(change.atSec * 1000, Ev.Change, change.set, 0, PRIORITY_FIRST);
    }
    this.events.schedule(this.seriesIntervalMs, Ev.Tick, null, 0, PRIORITY_LAST);
    if (this.warmupMs > 0)
      this.events.schedule(this.warmupMs, Ev.WarmupEnds, null, 0, PRIORITY_FIRST);
  }

  get finished(): boolean {
    return this.now >= this.durationMs;
  }

  /** The time of the next event, or Infinity. */
  get nextEventMs(): number {
    return this.events.peekTime();
  }

  /** Runs every event up to and including `untilMs` (capped at the end), then sets the clock. */
  runUntil(untilMs: number): void {
    const end = Math.min(untilMs, this.durationMs);
    while (this.events.peekTime() <= end) this.processNext();
    if (end > this.now) this.now = end;
  }

  /** Runs the next event, if it falls before the end; returns whether one ran. */
  step(): boolean {
    if (this.events.peekTime() > this.durationMs) {
      this.now = Math.max(this.now, Math.min(this.durationMs, this.events.peekTime()));
      return false;
    }
    this.processNext();
    return true;
  }

  /** A live change at the current virtual time. */
  apply(patch: Patch): void {
    const before = this.config;
    this.config = applyPatch(before, patch);
    const after = this.config;
    // An unchanged load keeps its arrivals (and a burst cycle its phase).
    if (patch.load && JSON.stringify(after.load) !== JSON.stringify(before.load)) {
      this.restartLoad(before);
    }
    if (patch.request?.cpuMs) this.cpuSampler = new Sampler(after.request.cpuMs);
    if (patch.request?.ioMs) this.ioSampler = new Sampler(after.request.ioMs);
    if (patch.balancer) this.balancer.policy = after.balancer;
    if (patch.server) this.configureServer();
    if (patch.machines) this.configureMachines(before);
    if (patch.cpu) {
      for (const m of this.machines)
        m.cpu.setQuantum(after.cpu.quantumMs, after.cpu.contextSwitchMs);
    }
  }

  /** Machines that take new connections, kept apart so that each arrival need not filter. */
  get acceptingMachines(): readonly ServerMachine[] {
    return this.accepting;
  }

  // ---- ServerHost ----

  startJob(thread: Thread, job: Job): void {
    thread.job = job;
    job.thread = thread;
    job.startedMs = this.now;
    thread.cpuLeftMs = job.request.cpuMs;
    this.log(TransitionKind.started, job);
    // Zero-CPU work still passes through the CPU so that each job costs at least one event,
    // which keeps a long queue of empty jobs from recursing.
    // The CPU scheduler sets the job's stage: running, or waiting for a core.
    (thread.machine as ServerMachine).cpu.makeRunnable(thread);
  }

  refuse(job: Job, reason: DropReason): void {
    job.stage = JobStage.dropped;
    job.dropReason = reason;
    if (job.machine) job.machine.openConnections--;
    this.log(TransitionKind.dropped, job, reason);
    this.tryFailed(job, reason);
  }

  respond(job: Job): void {
    const machine = job.machine as ServerMachine;
    machine.openConnections--;
    job.respondedMs = this.now;
    job.thread = null;
    this.log(TransitionKind.responded, job);
    if (job.abandoned) {
      job.stage = JobStage.done;
      this.metrics.wasted(job.request.measured);
      return;
    }
    this.travel(job, JobStage.networkOut, Ev.AtClient);
  }

  machineMayBeDrained(machine: ServerMachine): void {
    if (!machine.draining || !machine.drained) return;
    const i = this.machines.indexOf(machine);
    if (i < 0) return;
    this.machines.splice(i, 1);
    this.metrics.coresChanged(this.now, -machine.cpu.cores.length);
    this.log(TransitionKind.machineRemoved, null, undefined, machine.id);
  }

  scheduleSendDone(job: Job, atMs: number): void {
    this.events.schedule(atMs, Ev.SendDone, job);
  }

  // ---- events ----

  private processNext(): void {
    const e = this.popped;
    this.events.pop(e);
    this.now = e.time;
    this.eventsProcessed++;
    switch (e.kind as Ev) {
      case Ev.Arrival:
        if (e.aux === this.arrivalVersion) this.openArrival();
        break;
      case Ev.UserSends:
        if ((e.ref as ClosedUser).active) this.newRequest(e.ref as ClosedUser);
        break;
      case Ev.AtServer:
        this.atServer(e.ref as Job);
        break;
      case Ev.SliceEnd: {
        const core = e.ref as Core;
        const thread = core.thread;
        if (thread) (thread.machine as ServerMachine).cpu.sliceEnded(core, e.aux);
        break;
      }
      case Ev.IoDone:
        this.workDone(e.ref as Thread);
        break;
      case Ev.AtClient:
        this.atClient(e.ref as Job);
        break;
      case Ev.Timeout:
        this.timeout(e.ref as Job);
        break;
      case Ev.Retry:
        this.send(e.ref as Request);
        break;
      case Ev.SendDone:
        this.server.sendDone(e.ref as Job);
        break;
      case Ev.Change:
        this.apply(e.ref as Patch);
        break;
      case Ev.Tick:
        this.tick();
        break;
      case Ev.WarmupEnds:
        this.metrics.startMeasuring(this.now);
        break;
    }
  }

  // ---- clients ----

  private startLoad(): void {
    const load = this.config.load;
    this.loadStartMs = this.now;
    if (load.pattern !== 'closed') {
      this.scheduleArrival(this.now);
      return;
    }
    this.thinkSampler = new Sampler(load.thinkMs);
    this.setUsers(load.users);
  }

  private restartLoad(before: Scenario): void {
    const load = this.config.load;
    this.arrivalVersion++;
    if (load.pattern === 'closed' && before.load.pattern === 'closed') {
      this.thinkSampler = new Sampler(load.thinkMs);
      this.setUsers(load.users);
      return;
    }
    if (before.load.pattern === 'closed') this.setUsers(0);
    this.startLoad();
  }

  private scheduleArrival(fromMs: number): void {
    const load = this.config.load;
    if (load.pattern === 'closed') return;
    const relative = nextArrivalMs(load, fromMs - this.loadStartMs, this.streams.arrivals);
    const at = this.loadStartMs + relative;
    if (at <= this.durationMs) this.events.schedule(at, Ev.Arrival, null, this.arrivalVersion);
  }

  private openArrival(): void {
    this.scheduleArrival(this.now);
    this.newRequest(null);
  }

  private setUsers(count: number): void {
    while (this.users.length > count) this.users.pop()!.active = false;
    while (this.users.length < count) {
      const user = new ClosedUser(this.users.length);
      this.users.push(user);
      this.think(user);
    }
  }

  private think(user: ClosedUser): void {
    if (!user.active || !this.thinkSampler) return;
    const at = this.now + this.thinkSampler.sample(this.streams.think);
    if (at <= this.durationMs) this.events.schedule(at, Ev.UserSends, user);
  }

  private newRequest(user: ClosedUser | null): void {
    const cpuMs = this.cpuSampler.sample(this.streams.cpu);
    const ioMs = this.ioSampler.sample(this.streams.io);
    const measured = this.now >= this.warmupMs;
    const request = new Request(this.nextRequestId++, this.now, cpuMs, ioMs, measured, user);
    this.openRequests?.set(request.id, request);
    this.openCount++;
    this.metrics.arrived(measured);
    this.send(request);
  }

  /**
   * Sends a try of the request: the first, or a retry.
   * Limitation: retries wait exactly the backoff, without jitter, so retried tries of requests
   * that failed together arrive together, which makes retry storms a little sharper than life.
   */
  private send(request: Request): void {
    if (request.outcome !== Outcome.pending) return;
    request.attempts++;
    if (request.attempts > 1) this.metrics.retried(request.measured);
    const job = new Job(this.nextJobId++, request, request.attempts, this.now);
    request.current = job;
    this.log(TransitionKind.sent, job);
    if (this.config.timeoutMs !== null) {
      this.events.schedule(this.now + this.config.timeoutMs, Ev.Timeout, job);
    }
    this.travel(job, JobStage.networkIn, Ev.AtServer);
  }

  /** Puts a job on the wire, or delivers it at once when the network takes no time. */
  private travel(job: Job, stage: JobStage, arrival: Ev.AtServer | Ev.AtClient): void {
    const latencyMs = this.config.network.latencyMs;
    if (latencyMs <= 0) return arrival === Ev.AtServer ? this.atServer(job) : this.atClient(job);
    job.stage = stage;
    this.onTheWire.add(job);
    job.onWire = true;
    this.events.schedule(this.now + latencyMs, arrival, job);
  }

  private atServer(job: Job): void {
    this.takeOffWire(job);
    const machine = this.balancer.choose(this.acceptingMachines);
    job.arrivedMs = this.now;
    if (!machine) return this.refuse(job, 'nobody-listening');
    job.machine = machine;
    machine.openConnections++;
    this.log(TransitionKind.arrived, job);
    this.server.accept(machine, job);
  }

  private atClient(job: Job): void {
    this.takeOffWire(job);
    job.stage = JobStage.done;
    const request = job.request;
    if (job.abandoned || request.current !== job) return;
    request.receivedMs = this.now;
    this.metrics.completed(
      request.measured,
      this.now - request.sentMs,
      job.startedMs - job.arrivedMs,
    );
    this.log(TransitionKind.completed, job);
    this.settle(request, Outcome.completed);
  }

  /** Most jobs never touch the wire when the network takes no time: skip the set lookup. */
  private takeOffWire(job: Job): void {
    if (!job.onWire) return;
    this.onTheWire.delete(job);
    job.onWire = false;
  }

  private timeout(job: Job): void {
    const request = job.request;
    if (request.current !== job || request.outcome !== Outcome.pending) return;
    if (job.stage === JobStage.done || job.stage === JobStage.dropped) return;
    job.abandoned = true;
    this.log(TransitionKind.timedOut, job);
    this.tryFailed(job, 'timeout');
  }

  /** A try was refused or given up on: retry after a backoff, or settle the request. */
  private tryFailed(job: Job, why: DropReason | 'timeout'): void {
    const request = job.request;
    if (request.current !== job || request.outcome !== Outcome.pending) return;
    request.current = null;
    const retry = this.config.retry;
    if (retry && request.attempts < retry.attempts) {
      const backoffMs = retry.backoffMs * Math.pow(retry.multiplier, request.attempts - 1);
      this.events.schedule(this.now + backoffMs, Ev.Retry, request);
      return;
    }
    if (why === 'timeout') {
      this.metrics.timedOut(request.measured);
      this.settle(request, Outcome.timedOut);
      return;
    }
    const reason: DropReason = request.attempts > 1 ? 'retries-exhausted' : why;
    this.metrics.dropped(request.measured, reason);
    this.settle(request, Outcome.dropped);
  }

  private settle(request: Request, outcome: Outcome): void {
    request.outcome = outcome;
    this.openRequests?.delete(request.id);
    this.openCount--;
    if (request.user) this.think(request.user);
  }

  // ---- machines ----

  // ---- CpuHost ----

  scheduleSliceEnd(core: Core, timeMs: number): void {
    this.events.schedule(timeMs, Ev.SliceEnd, core, core.version);
  }

  busyCoresChanged(delta: number): void {
    this.metrics.busyCoresChanged(this.now, delta);
  }

  cpuDone(thread: Thread): void {
    const job = thread.job!;
    job.cpuDoneMs = this.now;
    if (job.request.ioMs > 0) {
      thread.state = ThreadState.io;
      thread.stateSinceMs = this.now;
      job.stage = JobStage.io;
      this.events.schedule(this.now + job.request.ioMs, Ev.IoDone, thread);
      return;
    }
    this.workDone(thread);
  }

  private workDone(thread: Thread): void {
    const job = thread.job!;
    job.workDoneMs = this.now;
    thread.served++;
    this.server.workDone(thread);
  }

  private addMachine(): void {
    const { cores, coreSpeed } = this.config.machines;
    const { quantumMs, contextSwitchMs } = this.config.cpu;
    const cpu = new Cpu(this, cores, coreSpeed, quantumMs, contextSwitchMs);
    const machine = new ServerMachine(this.nextMachineId++, cpu);
    this.machines.push(machine);
    this.metrics.coresChanged(this.now, cores);
    this.server.addMachine(machine);
    this.log(TransitionKind.machineAdded, null, undefined, machine.id);
  }

  /** Grows by bringing back draining machines first; shrinks by draining the newest. */
  private setMachineCount(count: number): void {
    const acceptingNow = () => this.machines.filter((m) => !m.draining);
    for (const m of [...this.machines]) {
      if (acceptingNow().length >= count) break;
      if (m.draining) this.server.undrain(m);
    }
    while (acceptingNow().length < count) this.addMachine();
    const accepting = acceptingNow();
    for (let i = accepting.length - 1; i >= count; i--) this.server.drain(accepting[i]!);
    this.accepting = acceptingNow();
  }

  private configureMachines(before: Scenario): void {
    const next = this.config.machines;
    for (const m of this.machines) {
      if (next.cores !== m.cpu.cores.length) {
        this.metrics.coresChanged(this.now, next.cores - m.cpu.cores.length);
        m.cpu.setCores(next.cores);
      }
      if (next.coreSpeed !== before.machines.coreSpeed) m.cpu.setSpeed(next.coreSpeed);
    }
    this.setMachineCount(next.count);
  }

  private configureServer(): void {
    const server = this.config.server;
    this.server.configure(server);
    const threads = server.model === 'thread-per-connection' ? server.threads : server.workers;
    for (const m of [...this.machines]) this.server.setThreads(m, threads);
  }

  // ---- sampling ----

  private tick(): void {
    const levels = this.levels();
    this.metrics.closeInterval(this.now, levels);
    for (const m of this.machines) {
      const waiting = m.backlog.length + (m.pendingPublish ? 1 : 0);
      this.metrics.machineLevels(this.now, m.id, waiting, m.cpu.runQueue.length);
    }
    const next = this.now + this.seriesIntervalMs;
    if (next <= this.durationMs) this.events.schedule(next, Ev.Tick, null, 0, PRIORITY_LAST);
  }

  /** Queue lengths now, summed over machines. */
  levels() {
    let backlog = 0;
    let waitingForCore = 0;
    for (const m of this.machines) {
      backlog += m.backlog.length + (m.pendingPublish ? 1 : 0);
      waitingForCore += m.cpu.runQueue.length;
    }
    const mq = this.server instanceof MessageQueueServer ? this.server : null;
    return {
      backlog,
      requestQueue: mq?.requestQueue.length ?? 0,
      responseQueue: mq?.responseQueue.length ?? 0,
      inFlight: this.openCount,
      waitingForCore,
    };
  }

  private log(kind: TransitionKind, job: Job | null, reason?: DropReason, machineId?: number) {
    this.transitions?.record(this.now, kind, job, reason, machineId);
  }
}
