import { describe, expect, it } from 'vitest';
import { DropReasonCode, JobStage } from '../../engine/model.ts';
import type { ScenarioInput } from '../../engine/scenario/schema.ts';
import { TransitionKind } from '../../engine/transitions.ts';
import { EngineService } from '../../worker/engineService.ts';
import type { Frame } from '../../worker/protocol.ts';
import { fakeCanvas, textsOf, type FakeCanvas } from './fakeCanvas.ts';
import { fixtureFrame } from './fixtures.ts';
import { cellX, cellY } from './geometry.ts';
import { layoutTopology } from './layout.ts';
import { createTopologyRenderer, type TopologyRenderer } from './renderer.ts';

const SIZE = { width: 900, height: 480 };

function rendered(reducedMotion = false): { fake: FakeCanvas; renderer: TopologyRenderer } {
  const fake = fakeCanvas();
  const renderer = createTopologyRenderer(fake.canvas, { theme: 'light', reducedMotion });
  renderer.resize(SIZE.width, SIZE.height, 2);
  return { fake, renderer };
}

/** One event in a frame's `happened`, replacing whatever the fixture put there. */
function withEvent(frame: Frame, kind: number, requestId: number, machine: number, reason = -1) {
  frame.happened = {
    count: 1,
    kind: new Uint8Array([kind]),
    requestId: new Float64Array([requestId]),
    machine: new Int32Array([machine]),
    reason: new Int8Array([reason]),
    lost: 0,
  };
  return frame;
}

describe('createTopologyRenderer', () => {
  it('sizes the canvas to the device pixel ratio', () => {
    const { fake } = rendered();

    expect(fake.canvas.width).toBe(1800);
    expect(fake.canvas.height).toBe(960);
  });

  it('labels a drop with its reason where it was refused', () => {
    const { fake, renderer } = rendered();
    const tpc = fixtureFrame({ machines: 2 });
    renderer.draw(withEvent(tpc, TransitionKind.dropped, 99, 1, 0), 0);
    renderer.draw(tpc, 100);

    expect(textsOf(fake.calls)).toContain('backlog full');
  });

  it('labels queue-full and nobody-listening drops', () => {
    const { fake, renderer } = rendered();
    const mq = fixtureFrame({ model: 'message-queue' });
    const queueFull = DropReasonCode['queue-full'];
    renderer.draw(withEvent(mq, TransitionKind.dropped, 99, 0, queueFull), 0);
    const nobody = DropReasonCode['nobody-listening'];
    renderer.draw(withEvent(fixtureFrame({ model: 'message-queue' }), 5, 98, -1, nobody), 16);

    expect(textsOf(fake.calls)).toEqual(expect.arrayContaining(['queue full', 'nobody listening']));
  });

  it('writes every backlog count from the frame, even where dots are a sample', () => {
    const { fake, renderer } = rendered();
    const frame = fixtureFrame({ machines: 2, backlogCapacity: 500, backlogFill: 0.5 });
    renderer.draw(frame, 0);

    const texts = textsOf(fake.calls);
    expect(texts.filter((t) => t === '250/500')).toHaveLength(2);
    expect(texts.some((t) => /^\+\d+$/.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('in flight'))).toBe(true);
  });

  it('says when the wire is only a sample', () => {
    const { fake, renderer } = rendered();
    const frame = fixtureFrame({ wire: 5 });
    renderer.draw(frame, 0);
    expect(textsOf(fake.calls)).not.toContain('(showing a sample)');

    const sampled = fixtureFrame({ wire: 5, seq: 2 });
    sampled.stageCounts[JobStage.networkIn] = 500;
    renderer.draw(sampled, 16);
    expect(textsOf(fake.calls)).toContain('(showing a sample)');
  });

  it('paints the static layer once while the structure stays the same', () => {
    const { fake, renderer } = rendered();
    renderer.draw(fixtureFrame({ step: 0, seq: 1 }), 0);
    const balancerLabels = () => textsOf(fake.offscreenCalls).filter((t) => t === 'balancer');
    expect(balancerLabels()).toHaveLength(1);

    for (let step = 1; step < 5; step++)
      renderer.draw(fixtureFrame({ step, seq: step }), step * 16);
    expect(balancerLabels()).toHaveLength(1);

    renderer.draw(fixtureFrame({ machines: 3, seq: 9 }), 100);
    expect(balancerLabels()).toHaveLength(2);
  });

  it('paints the static layer again for a new theme', () => {
    const { fake, renderer } = rendered();
    renderer.draw(fixtureFrame(), 0);
    renderer.setTheme('dark');

    expect(textsOf(fake.offscreenCalls).filter((t) => t === 'balancer')).toHaveLength(2);
  });

  it('saves and restores no state, and uses no shadows', () => {
    const { fake, renderer } = rendered();
    renderer.draw(fixtureFrame({ machines: 8, cores: 16, threads: 64, drops: 5 }), 0);

    const names = new Set(fake.calls.map((c) => c.name));
    expect(names.has('save')).toBe(false);
    expect(names.has('restore')).toBe(false);
    expect(names.has('measureText')).toBe(false);
  });

  it('draws nothing after destroy', () => {
    const { fake, renderer } = rendered();
    renderer.destroy();
    renderer.draw(fixtureFrame(), 0);

    expect(fake.calls).toHaveLength(0);
    expect(renderer.hitTest(10, 10)).toBeNull();
  });
});

describe('hitTest', () => {
  const frame = fixtureFrame({ machines: 2, threads: 8, wire: 0 });
  const layout = layoutTopology(frame, SIZE);
  const threads = layout.machines[1]!.threads;
  // Thread 0 of the second machine runs a request; its dot sits near the lane's left end.
  const held = frame.machines[1]!.threadRequest;
  const busy = held.findIndex((id) => id >= 0);
  const dotX = cellX(threads, busy) + threads.cellH * 0.7;
  const dotY = cellY(threads, busy) + threads.cellH / 2;

  it('finds the request dot under the pointer', () => {
    const { renderer } = rendered(true);
    renderer.draw(frame, 0);

    expect(renderer.hitTest(dotX + 1, dotY - 1)).toEqual({
      kind: 'request',
      requestId: held[busy],
    });
  });

  it('finds a thread lane away from its dot, by the thread id the frame gives', () => {
    const { renderer } = rendered(true);
    const withIds = fixtureFrame({ machines: 2, threads: 8, wire: 0 });
    withIds.machines[1]!.threadId = new Int32Array([10, 11, 12, 13, 14, 15, 16, 17]);
    renderer.draw(withIds, 0);
    const x = cellX(threads, 3) + threads.cellW - 3;
    const y = cellY(threads, 3) + threads.cellH / 2;

    expect(renderer.hitTest(x, y)).toEqual({ kind: 'thread', machineId: 1, threadId: 13 });
  });

  it('finds nothing in empty space', () => {
    const { renderer } = rendered(true);
    renderer.draw(frame, 0);

    expect(renderer.hitTest(SIZE.width - 2, SIZE.height / 2)).toBeNull();
  });
});

describe('drawing frames of the real engine', () => {
  const overloaded: ScenarioInput = {
    version: 1,
    seed: 3,
    durationSec: 30,
    load: { pattern: 'poisson', ratePerSec: 900 },
    request: { cpuMs: { dist: 'exponential', mean: 10 } },
    network: { latencyMs: 5 },
    machines: { count: 2, cores: 2, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 4, backlog: 8 },
  };

  it('shows the exact backlog counts and the drops of an overloaded run', () => {
    const engine = new EngineService({ now: () => 0 });
    expect(engine.load(overloaded).ok).toBe(true);
    engine.play();
    const { fake, renderer } = rendered();
    let frame = engine.frame(0);
    for (let wallMs = 16; wallMs <= 2000; wallMs += 16) {
      frame = engine.frame(wallMs);
      renderer.draw(frame, wallMs);
    }

    const texts = textsOf(fake.calls);
    expect(frame.total.dropped).toBeGreaterThan(0);
    expect(texts).toContain('backlog full');
    const last = frame.machines.map((m) => `${m.backlogLength}/${m.backlogCapacity}`);
    expect(texts.slice(-40)).toEqual(expect.arrayContaining(last));
  });
});
