/**
 * What is running at each step of a lesson. A step either loads a fresh scenario or changes the
 * one before it live; the scenario at step k is the latest fresh scenario at or before k with the
 * live changes of the steps since merged in. Entering a step, forwards or backwards, sets every
 * tunable knob to its value at that step, so steps can be visited in any order.
 */
import { mergePatch } from '../engine/scenario/patch.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import { parseScenario } from '../engine/scenario/validate.ts';
import type { Lesson } from './types.ts';

export interface StepState {
  /** Index of the step whose fresh scenario this builds on (-1: the lesson's own). */
  baseStep: number;
  scenario: Scenario;
}

export function scenarioAtStep(lesson: Lesson, step: number): StepState {
  const last = Math.min(Math.max(step, 0), lesson.steps.length - 1);
  let baseStep = -1;
  for (let k = last; k >= 0; k--) {
    if (lesson.steps[k]!.scenario) {
      baseStep = k;
      break;
    }
  }
  const raw = baseStep < 0 ? lesson.scenario : lesson.steps[baseStep]!.scenario!;
  let scenario = mustParse(raw, lesson.id);
  for (let k = baseStep + 1; k <= last; k++) {
    const patch = lesson.steps[k]!.set;
    if (patch) scenario = mergePatch(scenario, patch);
  }
  return { baseStep, scenario };
}

function mustParse(raw: unknown, lessonId: string): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(`lesson ${lessonId}: ${parsed.errors.join('; ')}`);
  return parsed.value;
}
