/**
 * The latest frame from the engine, in a plain store outside React. The canvas reads it on every
 * animation frame (or subscribes) and draws without a render; putting 60 frames a second through
 * React state would re-render the page for nothing.
 */
import type { Frame } from '../worker/protocol.ts';
import { warnOnce } from './warn.ts';

let latest: Frame | null = null;
const listeners = new Set<(frame: Frame) => void>();

export function getFrame(): Frame | null {
  return latest;
}

/** Calls `listener` with every new frame; returns the unsubscribe. */
export function subscribeFrame(listener: (frame: Frame) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** For the frame loop. A listener that throws is reported once and does not stop the others. */
export function publishFrame(frame: Frame): void {
  latest = frame;
  for (const listener of listeners) {
    try {
      listener(frame);
    } catch (error) {
      warnOnce('listener-failed', `a frame listener failed: ${String(error)}`);
    }
  }
}

/** For tests and for a session that ends. */
export function clearFrame(): void {
  latest = null;
}
