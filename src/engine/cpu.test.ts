import { describe, expect, it } from 'vitest';
import { Cpu, type CpuHost } from './cpu.ts';
import { Deque } from './deque.ts';
import { EventQueue, type PoppedEvent } from './kernel.ts';
import { ThreadState, Thread, type Core, type Machine } from './model.ts';

/** A CpuHost that keeps its own clock and slice-end events, and records when work finishes. */
class FakeHost implements CpuHost {
  now = 0;
  busyCores = 0;
  readonly done: string[] = [];
  readonly events = new EventQueue<Core>();
  cpu!: Cpu;

  scheduleSliceEnd(core: Core, timeMs: number): void {
    this.events.schedule(timeMs, 0, core, core.version);
  }

  cpuDone(thread: Thread): void {
    this.done.push(`${thread.id}@${this.now}`);
  }

  busyCoresChanged(delta: number): void {
    this.busyCores += delta;
  }

  /** Runs slice ends up to and including `untilMs`, then sets the clock there. */
  runUntil(untilMs: number): void {
    const e: PoppedEvent<Core> = { time: 0, kind: 0, aux: 0, ref: undefined };
    for (let steps = 0; this.events.peekTime() <= untilMs; steps++) {
      if (steps > 100_000) throw new Error(`the CPU keeps scheduling slice ends at ${this.now}`);
      this.events.pop(e);
      this.now = e.time;
      this.cpu.sliceEnded(e.ref!, e.aux);
    }
    this.now = Math.max(this.now, untilMs);
  }
}

const machine: Machine = {
  id: 0,
  draining: false,
  threads: [],
  backlog: new Deque(),
  openConnections: 0,
  served: 0,
  listening: true,
};

function setup(cores: number, options: { quantumMs?: number; switchMs?: number } = {}) {
  const host = new FakeHost();
  host.cpu = new Cpu(host, cores, 1, options.quantumMs ?? 10, options.switchMs ?? 0);
  return { host, cpu: host.cpu };
}

function runnable(cpu: Cpu, id: number, workMs: number): Thread {
  const thread = new Thread(id, machine);
  thread.cpuLeftMs = workMs;
  cpu.makeRunnable(thread);
  return thread;
}

describe('Cpu', () => {
  it('Cpu runs a lone thread to the end of its work in one slice', () => {
    const { host, cpu } = setup(1);
    runnable(cpu, 1, 35);
    host.runUntil(1000);

    expect(host.done).toEqual(['1@35']);
    expect(host.events.length).toBe(0);
  });

  it('Cpu on one core with quantum 10 finishes two 30 ms threads at 50 and 60', () => {
    const { host, cpu } = setup(1);
    const a = runnable(cpu, 1, 30);
    const b = runnable(cpu, 2, 30);

    expect([a.state, b.state]).toEqual([ThreadState.running, ThreadState.waitingForCore]);
    host.runUntil(1000);
    expect(host.done).toEqual(['1@50', '2@60']);
  });

  it('Cpu charges a context switch each time a thread is put on a core', () => {
    const { host, cpu } = setup(1, { switchMs: 1 });
    runnable(cpu, 1, 30);
    runnable(cpu, 2, 30);
    host.runUntil(1000);

    // Six dispatches of 1 ms each on top of 60 ms of work.
    expect(host.done).toEqual(['1@55', '2@66']);
  });

  it('Cpu with 2 cores and 3 threads of 30 ms finishes them at 40, 40 and 50', () => {
    const { host, cpu } = setup(2);
    for (const id of [1, 2, 3]) runnable(cpu, id, 30);
    host.runUntil(1000);

    expect(host.done).toEqual(['1@40', '2@40', '3@50']);
  });

  it('Cpu.busy counts the cores holding a thread and returns to 0 when all work is done', () => {
    const { host, cpu } = setup(2);
    for (const id of [1, 2, 3, 4, 5]) runnable(cpu, id, 20);

    expect([cpu.busy, host.busyCores]).toEqual([2, 2]);
    host.runUntil(25);
    expect([cpu.busy, host.busyCores]).toEqual([2, 2]);
    host.runUntil(1000);
    expect(host.done).toHaveLength(5);
    expect([cpu.busy, host.busyCores]).toEqual([0, 0]);
  });

  it('Cpu.makeRunnable on an idle core after a finished thread starts it at once', () => {
    const { host, cpu } = setup(1);
    runnable(cpu, 1, 10);
    host.runUntil(20);
    runnable(cpu, 2, 10);
    host.runUntil(1000);

    expect(host.done).toEqual(['1@10', '2@30']);
  });

  it('Cpu.setSpeed mid-run charges the work done so far at the old speed', () => {
    const { host, cpu } = setup(1);
    runnable(cpu, 1, 30);
    host.runUntil(10);
    cpu.setSpeed(2);
    host.runUntil(1000);

    // 10 ms of work at speed 1, then the remaining 20 ms of work at speed 2 takes 10 ms.
    expect(host.done).toEqual(['1@20']);
  });

  it('Cpu.setCores shrinking puts the preempted thread at the front of the run queue', () => {
    const { host, cpu } = setup(2);
    runnable(cpu, 1, 30);
    const b = runnable(cpu, 2, 30);
    const c = runnable(cpu, 3, 30);
    host.runUntil(5);
    cpu.setCores(1);

    expect(cpu.runQueue.at(0)).toBe(b);
    expect(cpu.runQueue.at(1)).toBe(c);
    expect(b.state).toBe(ThreadState.waitingForCore);
    expect([cpu.busy, host.busyCores]).toEqual([1, 1]);
    host.runUntil(1000);
    // Thread 2 ran 5 ms before losing its core and runs first at 10; then round-robin.
    expect(host.done).toEqual(['1@70', '2@75', '3@85']);
  });

  it('Cpu.setCores growing hands waiting threads to the new cores', () => {
    const { host, cpu } = setup(1);
    runnable(cpu, 1, 30);
    runnable(cpu, 2, 30);
    runnable(cpu, 3, 30);
    host.runUntil(5);
    cpu.setCores(3);

    expect([cpu.busy, cpu.runQueue.length]).toEqual([3, 0]);
    host.runUntil(1000);
    // Thread 2 got a quantum-long slice while 3 still waited, so its last slice ends later.
    expect(host.done).toEqual(['1@30', '3@35', '2@35']);
  });

  it('Cpu finishes work too small to move a late clock instead of rescheduling forever', () => {
    const { host, cpu } = setup(1);
    // Near 70 minutes one step of the clock is about 1e-9 ms, more than this work takes.
    host.now = 4_194_831.232441639;
    cpu.setSpeed(3.7);
    runnable(cpu, 1, 1.2e-9);
    host.runUntil(host.now + 1);

    expect(host.done).toEqual(['1@4194831.232441639']);
    expect(cpu.busy).toBe(0);
  });

  it('Cpu ignores a slice end from before the core changed hands', () => {
    const { host, cpu } = setup(1);
    runnable(cpu, 1, 30);
    const core = cpu.cores[0]!;
    const staleVersion = core.version;
    runnable(cpu, 2, 30);
    host.runUntil(10);
    cpu.sliceEnded(core, staleVersion);
    host.runUntil(1000);

    expect(host.done).toEqual(['1@50', '2@60']);
  });
});
