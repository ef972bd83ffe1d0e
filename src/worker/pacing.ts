/**
 * Pacing: how far virtual time moves for one display frame. The page asks for a frame with its
 * own wall clock; virtual time advances by the wall time since the previous frame times the
 * speed. A gap longer than `MAX_WALL_STEP_MS` (a background tab, a debugger pause, a slow frame)
 * counts as that much only, so the run never leaps ahead of what the viewer saw coming.
 *
 * The engine may not keep up: the host spends at most a budget of compute per frame, and what it
 * could not simulate is dropped rather than owed, so a run that fell behind does not rush later.
 * The speed actually achieved is measured over the last second of wall time and shown.
 */
import { Deque } from '../engine/deque.ts';
import { MIN_SPEED, type Speed } from './protocol.ts';

export const MAX_WALL_STEP_MS = 100;
const ACHIEVED_WINDOW_WALL_MS = 1000;

interface PaceSample {
  wallMs: number;
  simMs: number;
}

/** Accepts 0.01x up to Infinity (as fast as the engine goes); anything else is a caller's bug. */
export function checkedSpeed(speed: Speed): Speed {
  if (Number.isNaN(speed) || speed <= 0) throw new RangeError(`speed must be > 0, got ${speed}`);
  return Math.max(MIN_SPEED, speed);
}

export class Pacer {
  speed: Speed = 1;
  private lastWallMs: number | null = null;
  private readonly samples = new Deque<PaceSample>();

  /** Virtual milliseconds to advance for a frame at `wallNowMs`; 0 on the first frame of a play. */
  advanceFor(wallNowMs: number): number {
    const lastWallMs = this.lastWallMs;
    this.lastWallMs = wallNowMs;
    if (lastWallMs === null) return 0;
    if (this.speed === Infinity) return Infinity;
    const wallStepMs = Math.min(Math.max(wallNowMs - lastWallMs, 0), MAX_WALL_STEP_MS);
    return wallStepMs * this.speed;
  }

  /** Notes where virtual time stands after a played frame, for the achieved speed. */
  record(wallNowMs: number, simNowMs: number): void {
    this.samples.push({ wallMs: wallNowMs, simMs: simNowMs });
    while (
      this.samples.length > 2 &&
      this.samples.at(1)!.wallMs <= wallNowMs - ACHIEVED_WINDOW_WALL_MS
    ) {
      this.samples.shift();
    }
  }

  /** Virtual ms per wall ms over about the last second of playing; 0 when paused. */
  get achievedSpeed(): number {
    const first = this.samples.at(0);
    const last = this.samples.at(this.samples.length - 1);
    if (!first || !last || last.wallMs <= first.wallMs) return 0;
    return (last.simMs - first.simMs) / (last.wallMs - first.wallMs);
  }

  /** Paused: the next play starts from a fresh wall clock and a fresh measurement. */
  stop(): void {
    this.lastWallMs = null;
    while (this.samples.length > 0) this.samples.shift();
  }
}
