/**
 * The page's entry. A link in the address opens the scenario, lesson, step and speed it holds;
 * without one (or with a damaged one, which the page then explains) the first example a newcomer
 * should see opens: a web server under bursts, where the backlog fills and connections are
 * dropped. It plays at once, so requests are flowing within a second of opening the page; an
 * embedded view waits for a press of Play unless its link asks for autoplay.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import webBurst from '../scenarios/web-burst.json';
import { parseScenario } from './engine/scenario/validate.ts';
import { lessonById } from './lessons/catalogue.ts';
import { useLesson } from './state/lesson.ts';
import { play, setSpeed, startSession, useSession } from './state/session.ts';
import { App } from './ui/App.tsx';
import { readStartState } from './ui/urlState.ts';

function start(): ReturnType<typeof readStartState> {
  const start = readStartState(window.location.hash);
  const link = start.link;
  const first = link ? { ok: true as const, value: link.scenario } : parseScenario(webBurst);
  // The bundled example is checked by the engine's tests; failing here is a build mistake.
  if (!first.ok) throw new Error(`web-burst.json is invalid: ${first.errors.join('; ')}`);
  const lesson = link?.lesson ? lessonById(link.lesson) : undefined;
  if (link?.lesson && !lesson) start.problem = [`link.lesson: there is no lesson '${link.lesson}'`];
  if (lesson && link) {
    useLesson.setState({ lessonId: lesson.id, step: Math.min(link.step, lesson.steps.length - 1) });
  }
  startSession(first.value);
  const stopWatching = useSession.subscribe((session) => {
    if (!session.scenario) return;
    stopWatching();
    if (link?.speed) setSpeed(link.speed);
    if (!link?.embed || link.autoplay) play();
  });
  return start;
}

const opened = start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App embed={opened.link?.embed ?? false} linkProblem={opened.problem} />
  </StrictMode>,
);
