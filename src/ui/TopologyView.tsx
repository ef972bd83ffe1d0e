/**
 * The picture: the canvas renderer mounted once and then left alone by React. It reads the
 * latest frame from the frame store on every animation frame, so nothing here re-renders at
 * 60 Hz; a ResizeObserver keeps the canvas at the size of its box and the device's pixel ratio,
 * and a click selects whatever is under the pointer.
 */
import { useEffect, useRef, type MouseEvent } from 'react';
import { getFrame } from '../state/frames.ts';
import { select } from '../state/session.ts';
import type { Theme } from '../viz/palette.ts';
import { createTopologyRenderer, type TopologyRenderer } from '../viz/topology/renderer.ts';

const PICTURE_WORDS =
  'The service: clients, the balancer, and each machine with its backlog, threads and cores, ' +
  'with requests moving between them';

interface TopologyViewProps {
  theme: Theme;
  reducedMotion: boolean;
  /** Larger dots for presentation mode. */
  dotScale?: number;
}

export function TopologyView({ theme, reducedMotion, dotScale = 1 }: TopologyViewProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<TopologyRenderer | null>(null);
  const initial = useRef({ theme, reducedMotion });

  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    if (!box || !canvas) return;
    const renderer = createTopologyRenderer(canvas, initial.current);
    rendererRef.current = renderer;
    const stopResizing = followSize(box, renderer);
    const stopDrawing = drawEachFrame(renderer);
    return () => {
      stopDrawing();
      stopResizing();
      renderer.destroy();
      rendererRef.current = null;
    };
  }, []);

  useEffect(() => rendererRef.current?.setTheme(theme), [theme]);
  useEffect(() => rendererRef.current?.setDotScale(dotScale), [dotScale]);

  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    const renderer = rendererRef.current;
    if (!renderer) return;
    const box = event.currentTarget.getBoundingClientRect();
    select(renderer.hitTest(event.clientX - box.left, event.clientY - box.top));
  };

  const onMove = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const target = rendererRef.current?.hitTest(event.clientX - box.left, event.clientY - box.top);
    event.currentTarget.style.cursor = target ? 'pointer' : 'default';
  };

  return (
    <div className="topology" ref={boxRef} data-testid="topology">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={PICTURE_WORDS}
        onClick={onClick}
        onMouseMove={onMove}
      />
    </div>
  );
}

function followSize(box: HTMLElement, renderer: TopologyRenderer): () => void {
  const observer = new ResizeObserver((entries) => {
    const rect = entries[0]?.contentRect;
    if (rect) renderer.resize(rect.width, rect.height, window.devicePixelRatio || 1);
  });
  observer.observe(box);
  return () => observer.disconnect();
}

/**
 * Draws the latest frame on every animation frame, even when no new frame came: dots glide and
 * drops fall by wall time between the worker's frames. The browser stops animation frames in a
 * hidden tab, so a page left open in the background costs nothing.
 */
function drawEachFrame(renderer: TopologyRenderer): () => void {
  let handle = 0;
  const loop = (wallNowMs: number) => {
    const frame = getFrame();
    if (frame) renderer.draw(frame, wallNowMs);
    handle = requestAnimationFrame(loop);
  };
  handle = requestAnimationFrame(loop);
  return () => cancelAnimationFrame(handle);
}
