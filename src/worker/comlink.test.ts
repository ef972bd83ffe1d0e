import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineClient, EngineUnavailableError, type EngineHealth } from './client.ts';
import type { EngineApi } from './protocol.ts';
import { ManualTimers, portWorker, tpcScenario, type PortWorker } from './testSupport.ts';

const opened: PortWorker[] = [];

function openWorker(): PortWorker {
  const worker = portWorker();
  opened.push(worker);
  return worker;
}

afterEach(() => {
  for (const worker of opened.splice(0)) worker.terminate();
});

describe('the engine service over a MessageChannel', () => {
  it('loads, plays, sends frames and applies live changes through the proxy', async () => {
    const api = Comlink.wrap<EngineApi>(openWorker());

    const loaded = await api.load(tpcScenario());
    await api.play();
    await api.frame(0);
    const frame = await api.frame(50);
    const refused = await api.apply({ server: { workers: 3 } });
    const applied = await api.apply({ machines: { cores: 4 } });

    expect(loaded.ok).toBe(true);
    expect(frame.simNowMs).toBe(50);
    expect(frame.stageCounts).toBeInstanceOf(Int32Array);
    expect(frame.machines[0]!.coreThread).toBeInstanceOf(Int16Array);
    expect(frame.wire.progress).toBeInstanceOf(Float32Array);
    expect(refused).toEqual({ ok: false, errors: ["server: unknown field 'workers'"] });
    expect(applied.ok && applied.value.machines.cores).toBe(4);
  });

  it("transfers a frame's buffers rather than copying them", async () => {
    const worker = openWorker();
    const built = vi.spyOn(worker.service, 'frame');
    const api = Comlink.wrap<EngineApi>(worker);
    await api.load(tpcScenario());

    const received = await api.frame(0);

    const sent = built.mock.results[0]!.value as Awaited<ReturnType<EngineApi['frame']>>;
    expect(sent.stageCounts.byteLength).toBe(0);
    expect(sent.machines[0]!.threadState.byteLength).toBe(0);
    expect(received.stageCounts.byteLength).toBeGreaterThan(0);
  });

  it('rejects a call that throws in the engine with its message, and keeps answering', async () => {
    const api = Comlink.wrap<EngineApi>(openWorker());

    await expect(api.frame(0)).rejects.toThrow('no scenario is loaded');

    expect(await api.ping()).toBe(0);
  });
});

describe('the engine client', () => {
  function start() {
    const timers = new ManualTimers();
    const health: EngineHealth[] = [];
    const workers: PortWorker[] = [];
    const client = new EngineClient({
      createWorker: () => {
        const worker = openWorker();
        workers.push(worker);
        return worker;
      },
      timers,
      onHealth: (h) => health.push(h),
    });
    return { client, timers, health, workers };
  }

  it('is ready once the worker answers, and keeps beating while it does', async () => {
    const { client, timers, workers } = start();
    expect(client.health.status).toBe('starting');

    await client.load(tpcScenario());

    expect(client.health).toEqual({ status: 'ready', problem: null });
    const pings = vi.spyOn(workers[0]!.service, 'ping');
    for (let beat = 1; beat <= 5; beat++) {
      timers.advance(1000);
      // Answered: the only timer left is the next heartbeat, not the ping's time limit.
      await vi.waitFor(() => expect(timers.nextDueMs).toBe(timers.nowMs + 1000));
      expect(pings).toHaveBeenCalledTimes(beat);
    }
    expect(client.health.status).toBe('ready');
  });

  it('crashes when a frame does not come back in 3 s, and refuses calls after', async () => {
    const { client, timers, workers } = start();
    await client.load(tpcScenario());
    workers[0]!.silent = true;

    const frame = client.frame(0);
    timers.advance(3000);

    await expect(frame).rejects.toBeInstanceOf(EngineUnavailableError);
    expect(client.health).toEqual({
      status: 'crashed',
      problem: 'The engine stopped answering (a frame call took longer than 3 s).',
    });
    expect(workers[0]!.terminated).toBe(true);
    await expect(client.play()).rejects.toThrow('a frame call took longer than 3 s');
  });

  it('reports a crash after a missed heartbeat', async () => {
    const { client, timers, workers } = start();
    await client.load(tpcScenario());
    workers[0]!.silent = true;

    timers.advance(1000);
    timers.advance(3000);

    expect(client.health).toEqual({
      status: 'crashed',
      problem: 'The engine stopped answering (no heartbeat for 3 s).',
    });
  });

  it('gives a worker that has not answered yet 15 s to start', () => {
    const { client, timers, workers } = start();
    workers[0]!.silent = true;

    timers.advance(10_000);
    expect(client.health.status).toBe('starting');
    timers.advance(10_000);

    expect(client.health.status).toBe('crashed');
  });

  it("reports the worker's error event as a crash, in words", async () => {
    const { client, workers } = start();
    await client.load(tpcScenario());
    const pending = client.history();

    workers[0]!.crash('Uncaught RangeError: invalid array length');

    await expect(pending).rejects.toBeInstanceOf(EngineUnavailableError);
    expect(client.health).toEqual({
      status: 'crashed',
      problem: 'The engine crashed: Uncaught RangeError: invalid array length',
    });
  });

  it('reports an exception thrown by the engine as a crash with its message', async () => {
    const { client } = start();

    await expect(client.frame(0)).rejects.toThrow('no scenario is loaded');

    expect(client.health).toEqual({
      status: 'crashed',
      problem: 'The engine failed: no scenario is loaded',
    });
  });

  it('restarts a fresh worker with the last good scenario, live changes and speed', async () => {
    const { client, health, workers } = start();
    await client.load(tpcScenario());
    await client.apply({ machines: { cores: 5 } });
    await client.setSpeed(3);
    workers[0]!.crash('');
    expect(client.health.problem).toMatch(/could not start/);

    const restarted = await client.restart();

    expect(restarted.ok && restarted.value.machines.cores).toBe(5);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(health.map((h) => h.status)).toEqual(['ready', 'crashed', 'restarting', 'ready']);
    const frame = await client.frame(0);
    expect(frame).toMatchObject({ speed: 3, simNowMs: 0 });
    expect(frame.machines[0]!.cores).toBe(5);
  });
});
