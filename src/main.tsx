/**
 * The page's entry: starts the engine's worker with the first example a newcomer should see (a
 * web server under bursts, where the backlog fills and connections are dropped), sets it playing
 * at 1x as soon as it has loaded, and mounts the screen.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import webBurst from '../scenarios/web-burst.json';
import { parseScenario } from './engine/scenario/validate.ts';
import { play, startSession, useSession } from './state/session.ts';
import { App } from './ui/App.tsx';

function start(): void {
  const first = parseScenario(webBurst);
  // The bundled example is checked by the engine's tests; failing here is a build mistake.
  if (!first.ok) throw new Error(`web-burst.json is invalid: ${first.errors.join('; ')}`);
  startSession(first.value);
  const stopWatching = useSession.subscribe((session) => {
    if (!session.scenario) return;
    stopWatching();
    play();
  });
}

start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
