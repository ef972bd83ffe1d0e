/**
 * A machine's CPU scheduler. Runnable threads share the cores round-robin: a thread runs for at
 * most one time quantum while others wait, then goes to the back of the run queue. Putting a
 * thread on a core can cost a context switch, time in which the core is busy but does no work.
 * A thread in I/O holds no core.
 *
 * Quanta cost events only when they matter: a thread alone on a core gets one event at the end
 * of its work; only when the run queue fills do running threads get events at their next quantum
 * boundary. Cores run at `speed`, so work of w milliseconds takes w / speed.
 */
import { Deque } from './deque.ts';
import { Core, JobStage, ThreadState, type Thread } from './model.ts';

/** Work below this is done: repeated subtraction leaves dust. */
const WORK_EPSILON_MS = 1e-9;

export interface CpuHost {
  readonly now: number;
  scheduleSliceEnd(core: Core, timeMs: number): void;
  cpuDone(thread: Thread): void;
  busyCoresChanged(delta: number): void;
}

export class Cpu {
  readonly cores: Core[] = [];
  readonly runQueue = new Deque<Thread>();
  private idleCores: Core[] = [];
  busy = 0;

  constructor(
    private readonly host: CpuHost,
    coreCount: number,
    public speed: number,
    public quantumMs: number,
    public contextSwitchMs: number,
  ) {
    this.setCores(coreCount);
  }

  makeRunnable(thread: Thread): void {
    const core = this.idleCores.pop();
    if (core) return this.dispatch(core, thread);
    this.markWaiting(thread);
    this.runQueue.push(thread);
    if (this.runQueue.length === 1) this.cutSlicesAtQuanta();
  }

  sliceEnded(core: Core, version: number): void {
    if (version !== core.version || !core.thread) return;
    const thread = core.thread;
    this.charge(core, thread);
    // Work too small to move the clock is done as well: late in a long run the clock's
    // resolution exceeds the epsilon, and a slice end at `now` would repeat forever.
    const unmeasurable = this.host.now + thread.cpuLeftMs / this.speed === this.host.now;
    if (thread.cpuLeftMs <= WORK_EPSILON_MS || unmeasurable) {
      thread.cpuLeftMs = 0;
      this.vacate(core, thread);
      const next = this.runQueue.shift();
      if (next) this.dispatch(core, next);
      else this.release(core);
      this.host.cpuDone(thread);
    } else if (this.runQueue.length > 0) {
      this.vacate(core, thread);
      this.markWaiting(thread);
      this.runQueue.push(thread);
      this.dispatch(core, this.runQueue.shift()!);
    } else {
      core.sliceStartMs = this.host.now;
      this.scheduleEnd(core);
    }
  }

  /** Live change. Removed cores hand their threads back to the front of the run queue. */
  setCores(count: number): void {
    while (this.cores.length < count) {
      const core = new Core(this.cores.length);
      this.cores.push(core);
      this.idleCores.push(core);
    }
    const preempted: Thread[] = [];
    while (this.cores.length > count) {
      const core = this.cores.pop()!;
      core.version++;
      if (core.thread) {
        preempted.push(core.thread);
        this.charge(core, core.thread);
        this.vacate(core, core.thread);
      }
    }
    this.idleCores = this.cores.filter((c) => !c.thread).reverse();
    for (let i = preempted.length - 1; i >= 0; i--) {
      const thread = preempted[i]!;
      this.markWaiting(thread);
      this.runQueue.unshift(thread);
    }
    this.fillIdleCores();
    if (this.runQueue.length > 0) this.cutSlicesAtQuanta();
  }

  /**
   * Live change: work done so far is charged at the old speed, the rest runs at the new one.
   * Limitation: a running thread's quantum starts afresh at the change, since quanta are counted
   * from the last charge; with waiting threads this lengthens one slice by less than a quantum.
   */
  setSpeed(speed: number): void {
    for (const core of this.cores) {
      if (!core.thread) continue;
      this.charge(core, core.thread);
      core.sliceStartMs = Math.max(core.sliceStartMs, this.host.now);
    }
    this.speed = speed;
    for (const core of this.cores) {
      if (core.thread) this.scheduleEnd(core);
    }
  }

  setQuantum(quantumMs: number, contextSwitchMs: number): void {
    this.quantumMs = quantumMs;
    this.contextSwitchMs = contextSwitchMs;
  }

  private dispatch(core: Core, thread: Thread): void {
    if (!core.thread) {
      this.busy++;
      this.host.busyCoresChanged(1);
    }
    core.thread = thread;
    thread.core = core;
    thread.state = ThreadState.running;
    thread.stateSinceMs = this.host.now;
    if (thread.job) thread.job.stage = JobStage.running;
    core.sliceStartMs = this.host.now + this.contextSwitchMs;
    this.scheduleEnd(core);
  }

  private markWaiting(thread: Thread): void {
    thread.state = ThreadState.waitingForCore;
    thread.stateSinceMs = this.host.now;
    if (thread.job) thread.job.stage = JobStage.waitingForCore;
  }

  private release(core: Core): void {
    this.idleCores.push(core);
  }

  /** The core is free; `dispatch` counts it busy again if it is handed straight on. */
  private vacate(core: Core, thread: Thread): void {
    this.busy--;
    this.host.busyCoresChanged(-1);
    core.thread = null;
    core.version++;
    core.sliceEndMs = Infinity;
    thread.core = null;
  }

  /** Subtracts the work done since the slice began; the slice restarts now. */
  private charge(core: Core, thread: Thread): void {
    const elapsed = this.host.now - core.sliceStartMs;
    if (elapsed > 0) {
      thread.cpuLeftMs -= elapsed * this.speed;
      core.sliceStartMs = this.host.now;
    }
  }

  private scheduleEnd(core: Core): void {
    const remainingMs = core.thread!.cpuLeftMs / this.speed;
    const sliceMs = this.runQueue.length > 0 ? Math.min(remainingMs, this.quantumMs) : remainingMs;
    core.version++;
    core.sliceEndMs = core.sliceStartMs + sliceMs;
    this.host.scheduleSliceEnd(core, core.sliceEndMs);
  }

  /** Someone now waits: every running thread must yield at its next quantum boundary. */
  private cutSlicesAtQuanta(): void {
    const now = this.host.now;
    for (const core of this.cores) {
      if (!core.thread) continue;
      const ranMs = now - core.sliceStartMs;
      const quanta = ranMs <= 0 ? 1 : Math.max(1, Math.ceil(ranMs / this.quantumMs));
      const boundaryMs = core.sliceStartMs + quanta * this.quantumMs;
      if (boundaryMs >= core.sliceEndMs) continue;
      core.version++;
      core.sliceEndMs = boundaryMs;
      this.host.scheduleSliceEnd(core, boundaryMs);
    }
  }

  private fillIdleCores(): void {
    while (this.runQueue.length > 0 && this.idleCores.length > 0) {
      this.dispatch(this.idleCores.pop()!, this.runQueue.shift()!);
    }
  }
}
