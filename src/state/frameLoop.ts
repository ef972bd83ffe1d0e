/**
 * One animation-frame loop that pulls frames from the engine. It asks for a frame only when the
 * previous one has come back, so calls never queue up behind a slow engine: a slow engine just
 * gives fewer frames. While the run plays it asks on every display frame; while paused, a few
 * times a second, and at once after anything that changed the run (`refresh`).
 *
 * Each frame goes to the plain frame store for the canvas. The headline store is updated about
 * eight times a second and the history (charts) about four times a second while playing, and
 * both once after a refresh or when the run stops, so React renders at a human rate.
 */
import type { Frame, History } from '../worker/protocol.ts';
import { EngineUnavailableError } from '../worker/client.ts';
import { publishFrame } from './frames.ts';
import { headlineOf, useHeadline } from './headline.ts';
import { useHistory } from './history.ts';
import { warnOnce } from './warn.ts';

export const HEADLINE_INTERVAL_MS = 125;
export const HISTORY_INTERVAL_MS = 250;
/** While paused the picture holds still; a few frames a second keep the inspector current. */
export const PAUSED_FRAME_INTERVAL_MS = 250;

export interface FrameSource {
  frame(wallNowMs: number): Promise<Frame>;
  history(): Promise<History>;
}

export interface FrameLoopOptions {
  source: FrameSource;
  raf: (callback: (timeMs: number) => void) => number;
  cancelRaf: (handle: number) => void;
  /** Whether the engine may be asked now: it is ready and has a scenario. */
  canPull: () => boolean;
  onFrame?: (frame: Frame) => void;
}

export class FrameLoop {
  private handle: number | null = null;
  private frameInFlight = false;
  private historyInFlight = false;
  private lastFrameAtMs = -Infinity;
  private lastHeadlineAtMs = -Infinity;
  private lastHistoryAtMs = -Infinity;
  /** Something changed the run: show the next frame in full at once. */
  private changed = true;
  private historyWanted = true;
  private playing = false;

  constructor(private readonly options: FrameLoopOptions) {}

  start(): void {
    if (this.handle === null) this.handle = this.options.raf(this.tick);
  }

  stop(): void {
    if (this.handle !== null) this.options.cancelRaf(this.handle);
    this.handle = null;
  }

  /** After a pause, step, reset, live change or selection. */
  refresh(): void {
    this.changed = true;
    this.historyWanted = true;
  }

  private readonly tick = (timeMs: number): void => {
    this.handle = this.options.raf(this.tick);
    if (!this.options.canPull()) return;
    if (!this.frameInFlight && this.wantsFrame(timeMs)) this.pullFrame(timeMs);
    if (!this.historyInFlight && this.wantsHistory(timeMs)) this.pullHistory(timeMs);
  };

  private wantsFrame(timeMs: number): boolean {
    return this.playing || this.changed || timeMs - this.lastFrameAtMs >= PAUSED_FRAME_INTERVAL_MS;
  }

  private wantsHistory(timeMs: number): boolean {
    if (this.historyWanted) return true;
    return this.playing && timeMs - this.lastHistoryAtMs >= HISTORY_INTERVAL_MS;
  }

  private pullFrame(timeMs: number): void {
    const forced = this.changed;
    this.changed = false;
    this.frameInFlight = true;
    this.lastFrameAtMs = timeMs;
    this.options.source.frame(timeMs).then(
      (frame) => {
        this.frameInFlight = false;
        this.receive(frame, timeMs, forced);
      },
      (error: unknown) => {
        this.frameInFlight = false;
        quietUnlessNew('frame-failed', 'a frame could not be fetched', error);
      },
    );
  }

  private receive(frame: Frame, timeMs: number, forced: boolean): void {
    publishFrame(frame);
    const stopped = this.playing && !frame.playing;
    this.playing = frame.playing;
    if (stopped) this.historyWanted = true;
    if (forced || stopped || timeMs - this.lastHeadlineAtMs >= HEADLINE_INTERVAL_MS) {
      this.lastHeadlineAtMs = timeMs;
      useHeadline.setState(headlineOf(frame));
    }
    this.options.onFrame?.(frame);
  }

  private pullHistory(timeMs: number): void {
    this.historyWanted = false;
    this.historyInFlight = true;
    this.lastHistoryAtMs = timeMs;
    this.options.source.history().then(
      (history) => {
        this.historyInFlight = false;
        useHistory.setState({ history });
      },
      (error: unknown) => {
        this.historyInFlight = false;
        quietUnlessNew('history-failed', 'the charts could not be fetched', error);
      },
    );
  }
}

/** A call lost because the engine is down says nothing new: the session already shows why. */
function quietUnlessNew(cause: 'frame-failed' | 'history-failed', what: string, error: unknown) {
  if (error instanceof EngineUnavailableError) return;
  warnOnce(cause, `${what}: ${error instanceof Error ? error.message : String(error)}`);
}
