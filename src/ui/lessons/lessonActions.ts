/**
 * Opening lessons and moving between their steps. A step that starts from a fresh scenario loads
 * it; any other step changes the running one live, setting every knob to its value at that step,
 * so a teacher can go back and forth without a reset. The scenario then plays at the step's
 * speed.
 */
import { lessonById } from '../../lessons/catalogue.ts';
import { tunables } from '../../engine/scenario/patch.ts';
import { scenarioAtStep } from '../../lessons/steps.ts';
import type { Lesson } from '../../lessons/types.ts';
import { useLesson } from '../../state/lesson.ts';
import { applyPatch, loadScenario, play, setSpeed } from '../../state/session.ts';

export async function openLesson(id: string, step = 0): Promise<boolean> {
  const lesson = lessonById(id);
  if (!lesson) return false;
  const k = clampStep(lesson, step);
  useLesson.setState({ lessonId: id, step: k });
  const loaded = await loadScenario(scenarioAtStep(lesson, k).scenario);
  if (loaded.ok) startStep(lesson, k);
  return loaded.ok;
}

export async function goToStep(step: number): Promise<void> {
  const { lessonId, step: current } = useLesson.getState();
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  if (!lesson) return;
  const k = clampStep(lesson, step);
  if (k === current) return;
  useLesson.setState({ step: k });
  const from = scenarioAtStep(lesson, current);
  const to = scenarioAtStep(lesson, k);
  const result =
    from.baseStep === to.baseStep
      ? await applyPatch(tunables(to.scenario))
      : await loadScenario(to.scenario);
  if (result.ok) startStep(lesson, k);
}

export function nextStep(): Promise<void> {
  return goToStep(useLesson.getState().step + 1);
}

export function previousStep(): Promise<void> {
  return goToStep(useLesson.getState().step - 1);
}

export function closeLesson(): void {
  useLesson.setState({ lessonId: null, step: 0 });
}

function startStep(lesson: Lesson, step: number): void {
  setSpeed(lesson.steps[step]!.speed ?? 1);
  play();
}

function clampStep(lesson: Lesson, step: number): number {
  return Math.min(Math.max(0, Math.round(step)), lesson.steps.length - 1);
}
