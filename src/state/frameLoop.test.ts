import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineService } from '../worker/engineService.ts';
import type { Frame, History } from '../worker/protocol.ts';
import { tpcScenario } from '../worker/testSupport.ts';
import { clearFrame, getFrame, subscribeFrame } from './frames.ts';
import { FrameLoop, type FrameSource } from './frameLoop.ts';
import { emptyHeadline, useHeadline } from './headline.ts';
import { useHistory } from './history.ts';
import { forgetWarnings } from './warn.ts';

/** Animation frames that run only when the test says so. */
class ManualRaf {
  private callbacks = new Map<number, (timeMs: number) => void>();
  private nextId = 1;
  timeMs = 0;

  readonly raf = (callback: (timeMs: number) => void): number => {
    const id = this.nextId++;
    this.callbacks.set(id, callback);
    return id;
  };

  readonly cancel = (id: number): void => {
    this.callbacks.delete(id);
  };

  tick(stepMs = 1000 / 60): void {
    this.timeMs += stepMs;
    const due = [...this.callbacks.values()];
    this.callbacks.clear();
    for (const callback of due) callback(this.timeMs);
  }
}

/** The engine service behind promises that the test answers one by one, or at once. */
class ManualSource implements FrameSource {
  readonly service = new EngineService({ now: () => 0 });
  readonly frameCalls: number[] = [];
  historyCalls = 0;
  answerAtOnce = false;
  private waiting: (() => void)[] = [];

  frame(wallNowMs: number): Promise<Frame> {
    this.frameCalls.push(wallNowMs);
    return new Promise((resolve) => {
      const answer = () => resolve(this.service.frame(wallNowMs));
      if (this.answerAtOnce) answer();
      else this.waiting.push(answer);
    });
  }

  history(): Promise<History> {
    this.historyCalls++;
    return Promise.resolve(this.service.history());
  }

  answer(): void {
    this.waiting.shift()?.();
  }
}

/** Lets promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function loop(source: ManualSource, raf: ManualRaf, canPull = () => true): FrameLoop {
  const frameLoop = new FrameLoop({ source, raf: raf.raf, cancelRaf: raf.cancel, canPull });
  frameLoop.start();
  return frameLoop;
}

beforeEach(() => {
  forgetWarnings();
  clearFrame();
  useHeadline.setState(emptyHeadline());
  useHistory.setState({ history: null });
});

let running: FrameLoop | null = null;
afterEach(() => running?.stop());

describe('the frame loop', () => {
  it('never asks for a frame while the previous one is out', async () => {
    const source = new ManualSource();
    source.service.load(tpcScenario());
    source.service.play();
    const raf = new ManualRaf();
    running = loop(source, raf);

    for (let i = 0; i < 10; i++) raf.tick();
    expect(source.frameCalls).toHaveLength(1);
    source.answer();
    await settle();
    raf.tick();

    expect(source.frameCalls).toHaveLength(2);
    expect(getFrame()?.seq).toBe(1);
  });

  it('asks for nothing until the engine can answer', () => {
    const source = new ManualSource();
    const raf = new ManualRaf();
    running = loop(source, raf, () => false);

    for (let i = 0; i < 10; i++) raf.tick();

    expect(source.frameCalls).toHaveLength(0);
    expect(source.historyCalls).toBe(0);
  });

  it('while playing, pulls every frame but updates React 8 and 4 times a second', async () => {
    const source = new ManualSource();
    source.service.load(tpcScenario());
    source.service.play();
    source.answerAtOnce = true;
    const raf = new ManualRaf();
    running = loop(source, raf);
    let headlines = 0;
    const unsubscribe = useHeadline.subscribe(() => headlines++);
    let canvasFrames = 0;
    const unsubscribeFrames = subscribeFrame(() => canvasFrames++);

    for (let i = 0; i < 60; i++) {
      raf.tick();
      await settle();
    }
    unsubscribe();
    unsubscribeFrames();

    expect(canvasFrames).toBe(60);
    expect(headlines).toBeGreaterThanOrEqual(7);
    expect(headlines).toBeLessThanOrEqual(9);
    expect(source.historyCalls).toBeGreaterThanOrEqual(4);
    expect(source.historyCalls).toBeLessThanOrEqual(5);
    expect(useHeadline.getState().simNowMs).toBeGreaterThan(900);
    expect(useHistory.getState().history).not.toBeNull();
  });

  it('while paused, pulls a few frames a second, and one at once after a refresh', async () => {
    const source = new ManualSource();
    source.service.load(tpcScenario());
    source.answerAtOnce = true;
    const raf = new ManualRaf();
    running = loop(source, raf);

    for (let i = 0; i < 60; i++) {
      raf.tick();
      await settle();
    }
    const paused = source.frameCalls.length;
    const histories = source.historyCalls;
    running.refresh();
    raf.tick();
    await settle();

    expect(paused).toBeGreaterThanOrEqual(4);
    expect(paused).toBeLessThanOrEqual(5);
    expect(source.frameCalls).toHaveLength(paused + 1);
    expect(source.historyCalls).toBe(histories + 1);
  });

  it('pulls the history once more when the run stops by itself', async () => {
    const source = new ManualSource();
    source.service.load(tpcScenario({ durationSec: 0.5 }));
    source.service.play();
    source.answerAtOnce = true;
    const raf = new ManualRaf();
    running = loop(source, raf);

    for (let i = 0; i < 60; i++) {
      raf.tick();
      await settle();
    }

    expect(useHeadline.getState().finished).toBe(true);
    expect(useHistory.getState().history!.summary.simulatedSec).toBe(0.5);
  });

  it('warns once when a frame listener throws, and still serves the others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const source = new ManualSource();
    source.service.load(tpcScenario());
    source.service.play();
    source.answerAtOnce = true;
    const raf = new ManualRaf();
    running = loop(source, raf);
    const stopBroken = subscribeFrame(() => {
      throw new Error('bad listener');
    });
    let served = 0;
    const stopGood = subscribeFrame(() => served++);

    for (let i = 0; i < 10; i++) {
      raf.tick();
      await settle();
    }
    stopBroken();
    stopGood();

    expect(served).toBe(10);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      '[servicescope] a frame listener failed: Error: bad listener',
    );
    warn.mockRestore();
  });
});
