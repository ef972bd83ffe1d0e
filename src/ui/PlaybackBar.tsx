/**
 * The bar above the picture: play, pause, step one event, the speed of simulated time against
 * the wall clock, reset, and the simulated clock with the speed actually achieved (which falls
 * below the one asked for when the engine cannot keep up). Slow motion at 0.01x lets one request
 * be followed by eye; 'max' runs as fast as the engine goes.
 */
import { useShallow } from 'zustand/react/shallow';
import { useHeadline } from '../state/headline.ts';
import { pause, play, reset, setSpeed, step, useSession } from '../state/session.ts';
import { count, seconds, speedFactor } from '../viz/charts/format.ts';
import { SPEEDS } from './speeds.ts';

function speedWords(speed: number): string {
  if (speed === Infinity) return 'as fast as possible';
  if (speed <= 0.03) return `${speedFactor(speed)} slow motion`;
  return speedFactor(speed);
}

export function PlaybackBar() {
  const { playing, speed, ready } = useSession(
    useShallow((s) => ({ playing: s.playing, speed: s.speed, ready: s.status === 'ready' })),
  );
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button
        type="button"
        className={playing ? 'button button-active' : 'button'}
        onClick={() => play()}
      >
        <span aria-hidden="true">▶ </span>Play
      </button>
      <button
        type="button"
        className={playing ? 'button' : 'button button-active'}
        onClick={() => pause()}
      >
        <span aria-hidden="true">❚❚ </span>Pause
      </button>
      <button type="button" className="button" onClick={() => step()} disabled={!ready}>
        Step
      </button>
      <SpeedControl speed={speed} />
      <button type="button" className="button" onClick={() => reset()}>
        Reset
      </button>
      <Clock />
    </div>
  );
}

function SpeedControl({ speed }: { speed: number }) {
  const ladder: readonly number[] = SPEEDS;
  const speeds = ladder.includes(speed) ? ladder : [...ladder, speed].sort((a, b) => a - b);
  return (
    <span className="playback-speed">
      <label htmlFor="control-speed">Speed</label>
      <select
        id="control-speed"
        className="select"
        value={String(speed)}
        onChange={(e) => setSpeed(Number(e.target.value))}
      >
        {speeds.map((s) => (
          <option key={s} value={String(s)}>
            {speedWords(s)}
          </option>
        ))}
      </select>
    </span>
  );
}

function Clock() {
  const { simNowMs, durationMs, achievedSpeed, finished, events } = useHeadline(
    useShallow((h) => ({
      simNowMs: h.simNowMs,
      durationMs: h.durationMs,
      achievedSpeed: h.achievedSpeed,
      finished: h.finished,
      events: h.events,
    })),
  );
  const playing = useSession((s) => s.playing);
  const state = finished
    ? 'finished'
    : playing
      ? `running at ${speedFactor(achievedSpeed)}`
      : 'paused';
  return (
    <span className="clock">
      <span className="clock-time" data-testid="clock">
        t = {seconds(simNowMs / 1000)} of {Math.round(durationMs / 1000)} s
      </span>
      <span className="clock-state">
        <span data-testid="achieved-speed">{state}</span>
        {/* Step runs one engine event: the count shows that it did. */}
        {!playing && <span data-testid="events"> · event {count(events)}</span>}
      </span>
    </span>
  );
}
