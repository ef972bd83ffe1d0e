import { describe, expect, it } from 'vitest';
import { JobStage, ThreadState } from '../engine/model.ts';
import type { Simulation } from '../engine/simulation.ts';
import { TransitionKind } from '../engine/transitions.ts';
import { EngineService } from './engineService.ts';
import { MAX_HAPPENED } from './happened.ts';
import type { Frame } from './protocol.ts';
import { ManualClock, mqScenario, tpcScenario } from './testSupport.ts';

const FRAME_MS = 1000 / 60;

/** A service with a scenario loaded, and a page clock that moves one display frame at a time. */
function session(scenario: unknown, clock = new ManualClock()) {
  const service = new EngineService({ now: clock.now });
  const loaded = service.load(scenario);
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  let wallMs = 1000;
  return {
    service,
    clock,
    frame: () => service.frame(wallMs),
    /** Plays on for `ms` of wall time in display frames; returns every frame. */
    wall(ms: number): Frame[] {
      const frames: Frame[] = [];
      const frameCount = Math.round(ms / FRAME_MS);
      for (let i = 0; i < frameCount; i++) {
        wallMs += FRAME_MS;
        frames.push(service.frame(wallMs));
      }
      return frames;
    },
    /** Plays on frame by frame until a frame meets `test` (10 s of wall at most). */
    until(test: (frame: Frame) => boolean): Frame {
      for (let i = 0; i < 600; i++) {
        wallMs += FRAME_MS;
        const frame = service.frame(wallMs);
        if (test(frame)) return frame;
      }
      throw new Error('no frame met the test');
    },
  };
}

function sum(values: ArrayLike<number>): number {
  return Array.from(values).reduce((a, b) => a + b, 0);
}

describe('load', () => {
  it('refuses a bad scenario with messages naming the field, and keeps the last good one', () => {
    const s = session(tpcScenario({ machines: { count: 1, cores: 3, coreSpeed: 1 } }));

    const refused = s.service.load({ ...tpcScenario(), machines: { count: 1, cores: 0 } });

    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors.some((e) => e.startsWith('machines.cores:'))).toBe(true);
    expect(refused.errors.some((e) => e.startsWith('machines.coreSpeed:'))).toBe(true);
    expect(s.frame().machines[0]!.cores).toBe(3);
  });

  it('refuses something that is not a scenario at all', () => {
    const service = new EngineService({ now: () => 0 });

    const refused = service.load('not a scenario');

    expect(refused).toMatchObject({ ok: false });
    expect(() => service.frame(0)).toThrow('no scenario is loaded');
  });

  it('starts paused at time 0', () => {
    const frame = session(tpcScenario()).frame();

    expect(frame).toMatchObject({ simNowMs: 0, playing: false, finished: false, inFlight: 0 });
    expect(frame.durationMs).toBe(60_000);
  });
});

describe('pacing', () => {
  it('advances 2 s of virtual time in 1 s of wall time at speed 2', () => {
    const s = session(tpcScenario());
    s.service.setSpeed(2);
    s.service.play();
    s.wall(FRAME_MS);

    const frames = s.wall(1000);

    const startMs = 2 * FRAME_MS;
    expect(frames.at(-1)!.simNowMs - startMs).toBeCloseTo(2000 - 2 * FRAME_MS, 6);
    expect(frames.at(-1)!.achievedSpeed).toBeCloseTo(2, 6);
  });

  it('advances 10 ms of virtual time in 1 s of wall time at speed 0.01', () => {
    const s = session(tpcScenario());
    s.service.setSpeed(0.01);
    s.service.play();

    const frames = s.wall(1000 + FRAME_MS);

    expect(frames.at(-1)!.simNowMs).toBeCloseTo(10, 6);
  });

  it('counts a long gap between frames as 100 ms', () => {
    const s = session(tpcScenario());
    s.service.play();
    s.service.frame(0);

    const frame = s.service.frame(5000);

    expect(frame.simNowMs).toBe(100);
  });

  it('runs as fast as the budget allows at speed Infinity, then stops at the end', () => {
    const clock = new ManualClock(0, 1);
    const s = session(tpcScenario({ load: { pattern: 'poisson', ratePerSec: 2000 } }), clock);
    s.service.setSpeed(Infinity);
    s.service.play();
    s.frame();

    const first = s.wall(FRAME_MS)[0]!;
    const frames = s.wall(60_000);

    expect(first.simNowMs).toBeGreaterThan(0);
    expect(first.simNowMs).toBeLessThan(first.durationMs);
    expect(first.events).toBeLessThanOrEqual(10 * 512);
    const last = frames.find((f) => f.finished)!;
    expect(last).toMatchObject({ finished: true, playing: false, simNowMs: 60_000 });
  });

  it('does not advance while paused', () => {
    const s = session(tpcScenario());

    const frames = s.wall(500);

    expect(frames.every((f) => f.simNowMs === 0 && f.events === 0)).toBe(true);
  });

  it('steps exactly one engine event, pausing first', () => {
    const s = session(tpcScenario());
    s.service.play();
    s.wall(200);
    const before = s.frame().events;

    const atMs = s.service.step();

    const after = s.frame();
    expect(after.events).toBe(before + 1);
    expect(after.simNowMs).toBe(atMs);
    expect(after.playing).toBe(false);
    expect(s.wall(200).at(-1)!.events).toBe(before + 1);
  });

  it('refuses a speed that is not positive and lifts one below 0.01 to 0.01', () => {
    const s = session(tpcScenario());

    expect(() => s.service.setSpeed(0)).toThrow(RangeError);
    s.service.setSpeed(0.001);

    expect(s.frame().speed).toBe(0.01);
  });
});

describe('frames', () => {
  it('caps what is drawn on 8 machines of 16 cores and 300 threads, with exact counts', () => {
    const s = session(
      tpcScenario({
        load: { pattern: 'poisson', ratePerSec: 20_000 },
        machines: { count: 8, cores: 16, coreSpeed: 1 },
        server: { model: 'thread-per-connection', threads: 300, backlog: 1000 },
      }),
    );
    s.service.play();

    const frame = s.wall(300).at(-1)!;

    expect(frame.machines).toHaveLength(8);
    for (const m of frame.machines) {
      expect(m).toMatchObject({ cores: 16, threads: 300 });
      expect(m.coreThread).toHaveLength(16);
      expect(m.threadState).toHaveLength(256);
      expect(m.threadId).toHaveLength(256);
      const busyCores = Array.from(m.coreThread).filter((t) => t !== -1).length;
      const running = Array.from(m.threadState).filter((t) => t === ThreadState.running).length;
      expect(busyCores).toBeGreaterThanOrEqual(running);
    }
    expect(sum(frame.stageCounts)).toBe(frame.inFlight);
  });

  it('draws 8 machines x 16 cores x 64 threads whole, each core naming its running thread', () => {
    // Demand of 17.5 cores per machine of 16: threads queue for cores.
    const s = session(
      tpcScenario({
        load: { pattern: 'poisson', ratePerSec: 14_000 },
        machines: { count: 8, cores: 16, coreSpeed: 1 },
        server: { model: 'thread-per-connection', threads: 64, backlog: 100 },
      }),
    );
    s.service.play();

    const frame = s.wall(300).at(-1)!;

    const inState = (state: number) =>
      sum(frame.machines.map((m) => Array.from(m.threadState).filter((t) => t === state).length));
    expect(frame.stageCounts[JobStage.running]).toBe(inState(ThreadState.running));
    expect(frame.stageCounts[JobStage.waitingForCore]).toBe(inState(ThreadState.waitingForCore));
    expect(inState(ThreadState.waitingForCore)).toBeGreaterThan(0);
    expect(inState(ThreadState.waitingForCore)).toBe(
      sum(frame.machines.map((m) => m.runQueueLength)),
    );
    for (const m of frame.machines) {
      expect(m.threadState).toHaveLength(64);
      m.coreThread.forEach((t) => {
        if (t >= 0) expect(m.threadState[t]).toBe(ThreadState.running);
      });
      const held = Array.from(m.threadRequest).filter((id) => id >= 0).length;
      const busy = Array.from(m.threadState).filter((st) => st !== ThreadState.idle).length;
      expect(held).toBe(busy);
    }
    expect(sum(frame.stageCounts)).toBe(frame.inFlight);
  });

  it('sends the first 64 ids of a backlog of 5000, oldest first, and its exact length', () => {
    const s = session(
      tpcScenario({
        load: { pattern: 'constant', ratePerSec: 20_000 },
        request: { cpuMs: { dist: 'constant', value: 100 } },
        machines: { count: 1, cores: 1, coreSpeed: 1 },
        server: { model: 'thread-per-connection', threads: 1, backlog: 5000 },
      }),
    );
    s.service.play();

    const frame = s.wall(500).at(-1)!;

    const m = frame.machines[0]!;
    expect(m.backlogLength).toBe(5000);
    expect(m.backlogCapacity).toBe(5000);
    expect(m.backlogRequests).toHaveLength(64);
    const ids = Array.from(m.backlogRequests);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(frame.stageCounts[JobStage.backlog]).toBe(5000);
    expect(frame.total.dropped).toBeGreaterThan(0);
    expect(frame.recent.queueLength).toBe(5000);
    expect(sum(frame.stageCounts)).toBe(frame.inFlight);
  });

  it('samples at most 600 requests on the wire but counts them all', () => {
    const s = session(
      tpcScenario({
        load: { pattern: 'constant', ratePerSec: 20_000 },
        request: { cpuMs: { dist: 'constant', value: 0.01 } },
        network: { latencyMs: 100 },
        machines: { count: 4, cores: 4, coreSpeed: 1 },
      }),
    );
    s.service.play();

    const frame = s.wall(300).at(-1)!;

    const onWire = frame.stageCounts[JobStage.networkIn]! + frame.stageCounts[JobStage.networkOut]!;
    expect(onWire).toBeGreaterThan(3000);
    expect(frame.wire.count).toBe(600);
    expect(frame.wire.requestId).toHaveLength(600);
    expect(Array.from(frame.wire.progress).every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(Array.from(frame.wire.direction)).toContain(1);
    expect(sum(frame.stageCounts)).toBe(frame.inFlight);
  });

  it('keeps stage counts equal to requests in flight in a message queue, frame after frame', () => {
    // Without timeouts or retries every open request has exactly one try in the system, and a
    // try is in exactly one place: on the wire, in a backlog or queue, on a thread, or sending.
    const s = session(
      mqScenario({
        load: { pattern: 'poisson', ratePerSec: 600 },
        network: { latencyMs: 3 },
        server: {
          model: 'message-queue',
          workers: 2,
          queueCapacity: 40,
          whenFull: 'block',
          backlog: 30,
          responseQueueCapacity: 4,
          sendMs: 2,
        },
      }),
    );
    s.service.play();

    const frames = s.wall(1500);

    for (const frame of frames) expect(sum(frame.stageCounts)).toBe(frame.inFlight);
    const last = frames.at(-1)!;
    expect(last.shared).not.toBeNull();
    expect(last.shared!.requestQueueLength).toBeGreaterThan(0);
    expect(last.stageCounts[JobStage.queued]).toBe(last.shared!.requestQueueLength);
  });

  it('reports every drop once in the events, with its reason, matching the exact total', () => {
    const s = session(
      tpcScenario({
        load: { pattern: 'poisson', ratePerSec: 800 },
        server: { model: 'thread-per-connection', threads: 2, backlog: 5 },
      }),
    );
    s.service.play();

    const frames = s.wall(1000);

    let drops = 0;
    for (const f of frames) {
      expect(f.happened.lost).toBe(0);
      for (let k = 0; k < f.happened.count; k++) {
        if (f.happened.kind[k] !== TransitionKind.dropped) continue;
        drops++;
        expect(f.happened.reason[k]).toBe(0);
        expect(f.happened.machine[k]).toBe(0);
      }
    }
    expect(drops).toBe(frames.at(-1)!.total.dropped);
    expect(drops).toBeGreaterThan(0);
  });

  it('keeps at most 2000 events per frame and counts the rest as lost', () => {
    const busyScenario = tpcScenario({ load: { pattern: 'poisson', ratePerSec: 20_000 } });
    const s = session(busyScenario, new ManualClock(0, 1));
    s.service.setSpeed(Infinity);
    s.service.play();
    s.frame();

    const frame = s.wall(FRAME_MS)[0]!;

    expect(frame.happened.count).toBe(MAX_HAPPENED);
    expect(frame.happened.lost).toBeGreaterThan(0);
  });

  it('reports recent throughput, latency and CPU use over the last 2 s', () => {
    const s = session(
      tpcScenario({
        load: { pattern: 'constant', ratePerSec: 100 },
        request: { cpuMs: { dist: 'constant', value: 10 } },
        machines: { count: 1, cores: 2, coreSpeed: 1 },
      }),
    );
    s.service.play();

    const frame = s.wall(3000).at(-1)!;

    const recent = frame.recent;
    expect(recent.windowMs).toBeGreaterThanOrEqual(2000);
    expect(recent.windowMs).toBeLessThan(2100);
    expect(recent.throughputPerSec).toBeCloseTo(100, -1);
    expect(recent.arrivalsPerSec).toBeCloseTo(100, -1);
    expect(recent.dropsPerSec).toBe(0);
    expect(recent.latencyP50Ms).toBeCloseTo(10, 0);
    expect(recent.latencyP99Ms).toBeCloseTo(10, 0);
    expect(recent.latencyMeanMs).toBeCloseTo(10, 6);
    // One core of two busy 10 ms out of every 10 ms: half the CPU.
    expect(recent.cpuUtilization).toBeCloseTo(0.5, 1);
  });

  it('builds fresh arrays for every frame, so their buffers can be transferred', () => {
    const s = session(mqScenario());
    s.service.play();
    const [a, b] = s.wall(2 * FRAME_MS);

    expect(a!.stageCounts.buffer).not.toBe(b!.stageCounts.buffer);
    expect(a!.machines[0]!.coreThread.buffer).not.toBe(b!.machines[0]!.coreThread.buffer);
    expect(a!.happened.kind.buffer).not.toBe(b!.happened.kind.buffer);
  });
});

describe('live changes', () => {
  it('refuses workers on thread per connection, naming the field, changing nothing', () => {
    const s = session(tpcScenario());
    s.service.play();
    s.wall(500);
    const before = s.frame();

    const refused = s.service.apply({ server: { workers: 3 } });

    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors.join(' ')).toMatch(/^server: unknown field 'workers'/);
    const after = s.frame();
    expect(after.machines[0]!.threads).toBe(before.machines[0]!.threads);
    expect(after.simNowMs).toBe(before.simNowMs);
    expect(s.wall(100).at(-1)!.simNowMs).toBeGreaterThan(before.simNowMs);
  });

  it('refuses a value out of bounds with the field and the rule', () => {
    const s = session(tpcScenario());

    const refused = s.service.apply({ machines: { cores: 1000 } });

    expect(refused).toEqual({ ok: false, errors: ['machines.cores: must be at most 256'] });
  });

  it('applies a good change at once and returns the scenario now running', () => {
    const s = session(tpcScenario());

    const applied = s.service.apply({ machines: { cores: 6 }, server: { threads: 9 } });

    expect(applied.ok && applied.value.machines.cores).toBe(6);
    const frame = s.frame();
    expect(frame.machines[0]).toMatchObject({ cores: 6, threads: 9 });
  });

  it('forgets live changes on reset and goes back to time 0', () => {
    const s = session(tpcScenario());
    s.service.play();
    s.wall(300);
    s.service.apply({ machines: { count: 3 } });

    s.service.reset();

    const frame = s.frame();
    expect(frame).toMatchObject({ simNowMs: 0, playing: false, events: 0 });
    expect(frame.machines).toHaveLength(1);
  });
});

describe('inspection', () => {
  const slowIo = tpcScenario({
    load: { pattern: 'poisson', ratePerSec: 20 },
    request: {
      cpuMs: { dist: 'constant', value: 10 },
      ioMs: { dist: 'constant', value: 30 },
    },
    network: { latencyMs: 5 },
  });

  it('follows a request to the client, with its timeline in order', () => {
    const s = session(slowIo);
    s.service.setSpeed(0.25);
    s.service.play();
    const seen = s.until((f) => f.wire.count > 0 && f.wire.direction[0] === 0);
    const requestId = seen.wire.requestId[0]!;

    s.service.select({ kind: 'request', requestId });
    const frames = s.wall(2000);

    const doing = frames.map((f) => f.selection!.doing);
    expect(doing.some((d) => d.startsWith('running on core'))).toBe(true);
    expect(doing.some((d) => d.startsWith('waiting on I/O for'))).toBe(true);
    const end = frames.at(-1)!.selection!;
    expect(end.doing).toMatch(/^answered: the client had its response after 5\d ms$/);
    expect(end.timeline.map((t) => t.label)).toEqual([
      'sent',
      'arrived at machine 0',
      'started',
      'CPU done',
      'work done',
      'responded',
      'received',
    ]);
    const times = end.timeline.map((t) => t.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(end.message!.request).toMatchObject({ id: requestId, method: 'work', attempt: 1 });
    expect(end.message!.request).toMatchObject({ args: { cpuMs: 10, ioMs: 30 } });
    expect(end.message!.response).toMatchObject({ id: requestId, status: 'ok' });
    expect(end.gone).toBe(false);
  });

  const fullBacklog = tpcScenario({
    load: { pattern: 'constant', ratePerSec: 400 },
    request: { cpuMs: { dist: 'constant', value: 50 } },
    network: { latencyMs: 5 },
    machines: { count: 1, cores: 1, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 1, backlog: 3 },
  });

  it('tells where a request waits in a backlog', () => {
    const s = session(fullBacklog);
    s.service.play();
    const frame = s.wall(200).at(-1)!;
    const waiting = frame.machines[0]!.backlogRequests[2]!;

    s.service.select({ kind: 'request', requestId: waiting });

    const selection = s.frame().selection!;
    expect(selection.doing).toBe('waiting in the backlog of machine 0 (position 3 of 3)');
    expect(selection.message!.response).toBeNull();
  });

  it('tells why a request was dropped, and answers it as dropped', () => {
    const s = session(fullBacklog);
    s.service.setSpeed(0.1);
    s.service.play();
    const frame = s.wall(3000).at(-1)!;
    const onItsWay = frame.wire.requestId[frame.wire.direction.indexOf(0)]!;

    s.service.select({ kind: 'request', requestId: onItsWay });
    const end = s.wall(1000).at(-1)!.selection!;

    expect(end.doing).toBe('dropped: the backlog was full');
    expect(end.timeline.map((t) => t.label)).toEqual([
      'sent',
      'arrived at machine 0',
      'dropped: the backlog was full',
    ]);
    expect(end.message!.response).toEqual({
      id: onItsWay,
      status: 'dropped',
      reason: 'backlog-full',
    });
  });

  it('tells when a request timed out while the server still had it', () => {
    const s = session(
      tpcScenario({
        load: { pattern: 'constant', ratePerSec: 100 },
        request: { cpuMs: { dist: 'constant', value: 50 } },
        timeoutMs: 100,
        machines: { count: 1, cores: 1, coreSpeed: 1 },
        server: { model: 'thread-per-connection', threads: 1, backlog: 50 },
      }),
    );
    s.service.play();
    const frame = s.wall(300).at(-1)!;
    const last = frame.machines[0]!.backlogRequests.at(-1)!;

    s.service.select({ kind: 'request', requestId: last });
    const end = s.wall(200).at(-1)!.selection!;

    expect(end.doing).toBe(
      'timed out: the client gave up, but the server still has it (wasted work)',
    );
    expect(end.timeline.map((t) => t.label)).toEqual(['sent', 'arrived at machine 0', 'timed out']);
    expect(end.timeline[2]!.atMs - end.timeline[0]!.atMs).toBe(100);
    expect(end.message!.response).toEqual({ id: last, status: 'timed-out' });
  });

  it('reports the service loop line of a message-queue worker', () => {
    const s = session(
      mqScenario({
        load: { pattern: 'poisson', ratePerSec: 400 },
        machines: { count: 1, cores: 2, coreSpeed: 1 },
        server: {
          model: 'message-queue',
          workers: 2,
          queueCapacity: 50,
          whenFull: 'block',
          backlog: 50,
          responseQueueCapacity: 2,
          sendMs: 4,
        },
      }),
    );
    s.service.select({ kind: 'thread', machineId: 0, threadId: 1 });
    const idle = s.frame().selection!;
    s.service.setSpeed(0.5);
    s.service.play();

    const lines = new Set(s.wall(3000).map((f) => f.selection!.loopLine));

    expect(idle).toMatchObject({ title: 'Worker 1 of machine 0', loopLine: 'pop', gone: false });
    expect(idle.doing).toBe('waiting to pop: the request queue is empty');
    expect(lines).toEqual(new Set(['pop', 'work', 'push']));
  });

  it('says a thread is gone when its pool shrinks', () => {
    const s = session(tpcScenario({ load: { pattern: 'poisson', ratePerSec: 0 } }));
    s.service.select({ kind: 'thread', machineId: 0, threadId: 3 });
    expect(s.frame().selection).toMatchObject({ title: 'Thread 3 of machine 0', gone: false });

    s.service.apply({ server: { threads: 2 } });

    const selection = s.frame().selection!;
    expect(selection.gone).toBe(true);
    expect(selection.loopLine).toBeNull();
    expect(selection.timeline.map((t) => t.label)).toEqual(['idle']);
  });

  it('clears the selection when asked', () => {
    const s = session(tpcScenario());
    s.service.select({ kind: 'thread', machineId: 0, threadId: 0 });

    s.service.select(null);

    expect(s.frame().selection).toBeNull();
  });
});

describe('history', () => {
  it('returns the series, a histogram of every measured latency, the summary, theory', () => {
    const s = session(
      tpcScenario({
        load: { pattern: 'poisson', ratePerSec: 50 },
        machines: { count: 1, cores: 1, coreSpeed: 1 },
        server: { model: 'thread-per-connection', threads: 1, backlog: 1000 },
      }),
    );
    s.service.setSpeed(10);
    s.service.play();
    s.wall(1000);

    const history = s.service.history();

    expect(history.intervalMs).toBe(250);
    expect(history.columns.timeMs.length).toBeGreaterThanOrEqual(39);
    expect(history.columns.completed).toHaveLength(history.columns.timeMs.length);
    expect(sum(history.latencyBins.counts)).toBe(history.summary.completed);
    expect(history.latencyBins.hiMs).toBeGreaterThan(0);
    expect(history.theory).toMatchObject({ fits: true, model: 'M/M/1/1001' });
  });
});

describe('an engine that throws', () => {
  it('reports the error, refuses to go on, and recovers on reset', () => {
    const s = session(tpcScenario());
    const sim = (s.service as unknown as { sim: Simulation }).sim;
    sim.step = () => {
      throw new Error('broken invariant');
    };
    s.service.play();

    expect(() => s.wall(3 * FRAME_MS)).toThrow('broken invariant');
    expect(() => s.frame()).toThrow(/stopped after an internal error \(broken invariant\)/);

    s.service.reset();
    expect(s.frame().simNowMs).toBe(0);
  });
});
