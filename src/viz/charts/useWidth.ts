/**
 * The width of an element in CSS pixels, kept current with a ResizeObserver so charts redraw to
 * fit a projector, a laptop or a narrowed window without listening to the window itself.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export function useWidth<T extends HTMLElement>(fallbackPx: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [widthPx, setWidthPx] = useState(fallbackPx);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width;
      if (width !== undefined && width > 0) setWidthPx(Math.floor(width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return [ref, widthPx];
}
