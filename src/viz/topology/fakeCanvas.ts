/**
 * A stand-in for a canvas and its 2D context in Node tests: every method call is recorded with
 * its arguments, every property set is kept, and offscreen surfaces made through the canvas's
 * document record into a list of their own, so a test can tell the static layer's drawing from
 * the moving layer's.
 */

export interface Call {
  name: string;
  args: unknown[];
}

export interface FakeCanvas {
  canvas: HTMLCanvasElement;
  /** Calls on the visible canvas's context. */
  calls: Call[];
  /** Calls on every offscreen surface's context (the static layer and pattern tiles). */
  offscreenCalls: Call[];
  surfacesMade: () => number;
}

export function fakeContext(calls: Call[]): CanvasRenderingContext2D {
  const state: Record<string, unknown> = {};
  const handler: ProxyHandler<Record<string, unknown>> = {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (key in target) return target[key];
      if (key === 'createPattern') return () => ({ setTransform() {} });
      return (...args: unknown[]) => {
        calls.push({ name: key, args });
      };
    },
    set(target, key, value) {
      if (typeof key === 'string') target[key] = value;
      return true;
    },
  };
  return new Proxy(state, handler) as unknown as CanvasRenderingContext2D;
}

function fakeSurface(calls: Call[]) {
  const ctx = fakeContext(calls);
  return { width: 0, height: 0, getContext: () => ctx };
}

export function fakeCanvas(): FakeCanvas {
  const calls: Call[] = [];
  const offscreenCalls: Call[] = [];
  let made = 0;
  const ownerDocument = {
    createElement: () => {
      made++;
      return fakeSurface(offscreenCalls);
    },
  };
  const canvas = { ...fakeSurface(calls), ownerDocument } as unknown as HTMLCanvasElement;
  return { canvas, calls, offscreenCalls, surfacesMade: () => made };
}

/** The strings passed to fillText, in order. */
export function textsOf(calls: Call[]): string[] {
  return calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));
}
