/**
 * A small piece of the latest frame for React, at most a few times a second. Frames arrive once
 * per display frame; re-rendering panels that often would spend the frame budget the picture
 * needs, so updates are throttled (with a trailing update, so the last frame before a pause is
 * never missed) and skipped when the selected piece has not changed.
 */
import { useEffect, useState } from 'react';
import { getFrame, subscribeFrame } from '../state/frames.ts';
import type { Frame } from '../worker/protocol.ts';

const DEFAULT_INTERVAL_MS = 125;

export function useFrameSlice<T>(
  select: (frame: Frame) => T,
  key: (value: T) => string,
  intervalMs = DEFAULT_INTERVAL_MS,
): T | null {
  const [slice, setSlice] = useState<{ value: T; key: string } | null>(null);

  useEffect(() => {
    let lastMs = -Infinity;
    let trailing: ReturnType<typeof setTimeout> | null = null;
    const publish = (frame: Frame | null) => {
      lastMs = performance.now();
      if (!frame) return;
      const value = select(frame);
      const next = key(value);
      setSlice((previous) => (previous?.key === next ? previous : { value, key: next }));
    };
    const onFrame = (frame: Frame) => {
      const waitMs = lastMs + intervalMs - performance.now();
      if (waitMs <= 0) return publish(frame);
      trailing ??= setTimeout(() => {
        trailing = null;
        publish(getFrame());
      }, waitMs);
    };
    publish(getFrame());
    const unsubscribe = subscribeFrame(onFrame);
    return () => {
      unsubscribe();
      if (trailing) clearTimeout(trailing);
    };
    // The selector and key are fixed for a component's life; callers pass module-level functions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [intervalMs]);

  return slice?.value ?? null;
}
