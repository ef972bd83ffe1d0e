/**
 * The session: one engine worker, the scenario it runs, playback, and the health of the worker,
 * in a Zustand store that React reads; the actions are plain functions that React calls. The
 * scenario shown is always one the engine accepted: a refused scenario or live change leaves it
 * as it was and is recorded in `lastRefusal`, naming the field and the rule.
 *
 * Actions do not wait for the engine unless their result matters (loading, live changes), and
 * never throw: a failing engine shows up as `status: 'crashed'` with a `problem` in words, and
 * `restart` brings a fresh worker with the same scenario.
 */
import { create } from 'zustand';
import type { Patch, Scenario } from '../engine/scenario/schema.ts';
import {
  EngineClient,
  EngineUnavailableError,
  type EngineHealth,
  type EngineStatus,
  type Timers,
  type WorkerLike,
} from '../worker/client.ts';
import { MIN_SPEED, type Frame, type Result, type SelectTarget } from '../worker/protocol.ts';
import { clearFrame } from './frames.ts';
import { FrameLoop } from './frameLoop.ts';
import { emptyHeadline, useHeadline } from './headline.ts';
import { useHistory } from './history.ts';
import { warnOnce } from './warn.ts';

export interface Refusal {
  /** The control's field (e.g. 'machines.cores'), or the first field the engine named. */
  field: string;
  errors: string[];
}

export interface SessionState {
  status: EngineStatus;
  problem: string | null;
  /** The last good scenario, with live changes. */
  scenario: Scenario | null;
  /** The scenario as loaded, which a reset returns to. */
  loaded: Scenario | null;
  playing: boolean;
  speed: number;
  lastRefusal: Refusal | null;
  selection: SelectTarget | null;
}

export const useSession = create<SessionState>(() => initialSession());

/** What a session needs from its surroundings; the browser's by default, fakes in tests. */
export interface SessionDeps {
  createWorker?: () => WorkerLike;
  timers?: Timers;
  raf?: (callback: (timeMs: number) => void) => number;
  cancelRaf?: (handle: number) => void;
}

let engine: { client: EngineClient; loop: FrameLoop } | null = null;

/** Starts the worker and the frame loop, then loads `initial`. A second call does nothing. */
export function startSession(initial: Scenario, deps: SessionDeps = {}): void {
  if (engine) return;
  useSession.setState(initialSession());
  const client = new EngineClient({
    createWorker: deps.createWorker,
    timers: deps.timers,
    onHealth: noteHealth,
  });
  const loop = new FrameLoop({
    source: client,
    raf: deps.raf ?? ((callback) => requestAnimationFrame(callback)),
    cancelRaf: deps.cancelRaf ?? ((handle) => cancelAnimationFrame(handle)),
    canPull: () => useSession.getState().status === 'ready' && !!useSession.getState().scenario,
    onFrame: noteFrame,
  });
  engine = { client, loop };
  loop.start();
  void loadScenario(initial);
}

/** Ends the session: the worker is terminated and the stores emptied. */
export function stopSession(): void {
  if (!engine) return;
  engine.loop.stop();
  engine.client.dispose();
  engine = null;
  clearFrame();
  useSession.setState(initialSession());
  useHeadline.setState(emptyHeadline());
  useHistory.setState({ history: null });
}

/** Loads a scenario (a file, a link, a lesson), paused at time 0. */
export async function loadScenario(raw: unknown): Promise<Result<Scenario>> {
  if (!engine) return notRunning();
  const { client, loop } = engine;
  try {
    const result = await client.load(raw);
    if (result.ok) {
      const scenario = result.value;
      useSession.setState({ scenario, loaded: scenario, playing: false, selection: null });
      useSession.setState({ lastRefusal: null });
      useHistory.setState({ history: null });
    } else {
      useSession.setState({ lastRefusal: { field: 'scenario', errors: result.errors } });
    }
    loop.refresh();
    return result;
  } catch (error) {
    return failedCall(error);
  }
}

/** A live change; a refused one is recorded in `lastRefusal` and the run keeps its state. */
export async function applyPatch(patch: Patch, field?: string): Promise<Result<Scenario>> {
  if (!engine) return notRunning();
  const { client, loop } = engine;
  try {
    const result = await client.apply(patch);
    if (result.ok) useSession.setState({ scenario: result.value, lastRefusal: null });
    else
      useSession.setState({
        lastRefusal: { field: field ?? fieldOf(result.errors), errors: result.errors },
      });
    loop.refresh();
    return result;
  } catch (error) {
    return failedCall(error);
  }
}

export function play(): void {
  useSession.setState({ playing: true });
  act((client) => client.play());
}

export function pause(): void {
  useSession.setState({ playing: false });
  act((client) => client.pause());
}

/** Runs exactly one engine event (pausing first). */
export function step(): void {
  useSession.setState({ playing: false });
  act((client) => client.step());
}

/** From `MIN_SPEED` (slow motion) to `Infinity` (as fast as the engine goes). */
export function setSpeed(x: number): void {
  if (Number.isNaN(x) || x <= 0) return;
  const speed = Math.max(MIN_SPEED, x);
  useSession.setState({ speed });
  act((client) => client.setSpeed(speed));
}

/** Back to time 0 with the loaded scenario; live changes are forgotten. */
export function reset(): void {
  const { loaded } = useSession.getState();
  useSession.setState({ scenario: loaded, playing: false, selection: null, lastRefusal: null });
  useHistory.setState({ history: null });
  act((client) => client.reset());
}

export function select(target: SelectTarget | null): void {
  useSession.setState({ selection: target });
  act((client) => client.select(target));
}

/** A fresh worker with the same scenario and live changes, from time 0. */
export function restart(): void {
  if (!engine) return;
  const { client, loop } = engine;
  useSession.setState({ playing: false, selection: null });
  useHistory.setState({ history: null });
  client.restart().then(
    (result) => {
      if (result.ok) useSession.setState({ scenario: result.value });
      loop.refresh();
    },
    (error: unknown) => void failedCall(error),
  );
}

function act(call: (client: EngineClient) => Promise<unknown>): void {
  if (!engine) return;
  const { client, loop } = engine;
  call(client).catch((error: unknown) => void failedCall(error));
  loop.refresh();
}

function noteHealth(health: EngineHealth): void {
  useSession.setState({ status: health.status, problem: health.problem });
  if (health.status === 'crashed') {
    useSession.setState({ playing: false });
    warnOnce('engine-crashed', health.problem ?? 'the engine stopped');
  }
}

/** The engine stops playing by itself at the end of the run. */
function noteFrame(frame: Frame): void {
  if (frame.finished && useSession.getState().playing) useSession.setState({ playing: false });
}

/** The crash itself is already in the status; anything else is a bug worth a warning. */
function failedCall(error: unknown): Result<Scenario> {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof EngineUnavailableError)) warnOnce('action-failed', message);
  return { ok: false, errors: [useSession.getState().problem ?? message] };
}

function notRunning(): Result<Scenario> {
  return { ok: false, errors: ['the engine has not been started'] };
}

/** Engine messages start with the field's path: 'machines.cores: must be at most 256'. */
export function fieldOf(errors: string[]): string {
  const first = errors[0] ?? '';
  const colon = first.indexOf(':');
  return colon > 0 ? first.slice(0, colon) : 'scenario';
}

function initialSession(): SessionState {
  return {
    status: 'starting',
    problem: null,
    scenario: null,
    loaded: null,
    playing: false,
    speed: 1,
    lastRefusal: null,
    selection: null,
  };
}
