import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualTimers, portWorker, tpcScenario, type PortWorker } from '../worker/testSupport.ts';
import { getFrame } from './frames.ts';
import { useHeadline } from './headline.ts';
import { useHistory } from './history.ts';
import {
  applyPatch,
  loadScenario,
  pause,
  play,
  reset,
  restart,
  select,
  setSpeed,
  startSession,
  step,
  stopSession,
  useSession,
} from './session.ts';

/** A session on a MessageChannel worker, with animation frames the test runs by hand. */
async function started() {
  const workers: PortWorker[] = [];
  const callbacks: ((timeMs: number) => void)[] = [];
  let timeMs = 0;
  startSession(tpcScenario(), {
    createWorker: () => {
      const worker = portWorker();
      workers.push(worker);
      return worker;
    },
    timers: new ManualTimers(),
    raf: (callback) => callbacks.push(callback),
    cancelRaf: () => {},
  });
  await vi.waitFor(() => expect(useSession.getState().scenario).not.toBeNull());
  return {
    workers,
    /** Runs display frames until the page holds a frame meeting `test`. */
    async frameWhere(test: (seq: number) => boolean = () => true) {
      await vi.waitFor(
        () => {
          timeMs += 1000 / 60;
          for (const callback of callbacks.splice(0)) callback(timeMs);
          const frame = getFrame();
          expect(frame && test(frame.seq)).toBe(true);
        },
        { interval: 1 },
      );
      return getFrame()!;
    },
  };
}

/**
 * A frame built after whatever the test does next: the frame out at the time of the call may have
 * been built before, so the one after it is the first sure to be.
 */
function after(seq: number | undefined) {
  return (next: number) => next > (seq ?? 0) + 1;
}

afterEach(() => {
  stopSession();
});

describe('the session', () => {
  it('loads the first scenario, plays, and fills the frame, headline, history stores', async () => {
    const s = await started();
    expect(useSession.getState()).toMatchObject({ status: 'ready', playing: false, speed: 1 });

    play();
    await s.frameWhere((seq) => seq > 10);

    expect(useSession.getState().playing).toBe(true);
    expect(getFrame()!.simNowMs).toBeGreaterThan(0);
    await vi.waitFor(() => expect(useHeadline.getState().simNowMs).toBeGreaterThan(0));
    await vi.waitFor(() => expect(useHistory.getState().history).not.toBeNull());
  });

  it('records a refused live change with its field and keeps the scenario', async () => {
    await started();
    const before = useSession.getState().scenario;

    const refused = await applyPatch({ server: { workers: 3 } });
    const namedByControl = await applyPatch({ machines: { cores: 0 } }, 'machines.cores');

    expect(refused.ok).toBe(false);
    expect(namedByControl.ok).toBe(false);
    expect(useSession.getState().scenario).toBe(before);
    expect(useSession.getState().lastRefusal).toEqual({
      field: 'machines.cores',
      errors: ['machines.cores: must be at least 1'],
    });
  });

  it('names the field of a refusal from the message when the control does not', async () => {
    await started();

    await applyPatch({ server: { workers: 3 } });

    expect(useSession.getState().lastRefusal).toEqual({
      field: 'server',
      errors: ["server: unknown field 'workers'"],
    });
  });

  it('applies a good change, clears the refusal, and reset forgets the change', async () => {
    const s = await started();
    await applyPatch({ machines: { cores: 0 } });

    const applied = await applyPatch({ machines: { cores: 6 } });

    expect(applied.ok).toBe(true);
    expect(useSession.getState().scenario!.machines.cores).toBe(6);
    expect(useSession.getState().loaded!.machines.cores).toBe(2);
    expect(useSession.getState().lastRefusal).toBeNull();
    reset();
    expect(useSession.getState().scenario!.machines.cores).toBe(2);
    const frame = await s.frameWhere(after(getFrame()?.seq));
    expect(frame.machines[0]!.cores).toBe(2);
  });

  it('refuses a bad scenario and keeps running the last good one', async () => {
    await started();
    const before = useSession.getState().scenario;

    const refused = await loadScenario({ version: 1, seed: -1 });

    expect(refused.ok).toBe(false);
    expect(useSession.getState().scenario).toBe(before);
    expect(useSession.getState().lastRefusal!.field).toBe('scenario');
    expect(useSession.getState().lastRefusal!.errors[0]).toMatch(/^seed: /);
  });

  it('steps one event at a time, pausing first, and sets the speed', async () => {
    const s = await started();
    play();
    await s.frameWhere((seq) => seq > 5);
    pause();
    const paused = await s.frameWhere(after(getFrame()?.seq));

    step();
    const stepped = await s.frameWhere(after(paused.seq));
    setSpeed(0.001);
    const slow = await s.frameWhere(after(stepped.seq));

    expect(useSession.getState()).toMatchObject({ playing: false, speed: 0.01 });
    expect(stepped.events).toBe(paused.events + 1);
    expect(slow.speed).toBe(0.01);
  });

  it('shows what a selected thread is doing', async () => {
    const s = await started();

    select({ kind: 'thread', machineId: 0, threadId: 2 });
    const frame = await s.frameWhere(after(getFrame()?.seq));

    expect(useSession.getState().selection).toEqual({ kind: 'thread', machineId: 0, threadId: 2 });
    expect(frame.selection).toMatchObject({ title: 'Thread 2 of machine 0', gone: false });
  });

  it('says so when the worker crashes, and restarts with the same scenario', async () => {
    const s = await started();
    await applyPatch({ machines: { cores: 3 } });
    play();

    s.workers[0]!.crash('out of memory');

    expect(useSession.getState()).toMatchObject({
      status: 'crashed',
      problem: 'The engine crashed: out of memory',
      playing: false,
    });
    restart();
    await vi.waitFor(() => expect(useSession.getState().status).toBe('ready'));
    const frame = await s.frameWhere(after(getFrame()?.seq));
    expect(s.workers).toHaveLength(2);
    expect(frame.simNowMs).toBe(0);
    expect(frame.machines[0]!.cores).toBe(3);
    expect(useSession.getState().scenario!.machines.cores).toBe(3);
  });
});
