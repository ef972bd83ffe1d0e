/**
 * The shape of a lesson: a short explanation, a scenario the engine runs, and a few steps of
 * "change this, watch that". Each step names the change it makes (a live patch, or a fresh
 * scenario when the change cannot be made live, such as switching architecture), the figures to
 * watch, and what the learner should notice. Every claim a step makes is checked against the
 * engine by src/lessons/lessons.test.ts.
 */
import type { Patch, ScenarioInput } from '../engine/scenario/schema.ts';

/** Headline figures a step can point at; the same names as the metric-<name> test ids. */
export type Watch =
  | 'throughput'
  | 'p50'
  | 'p99'
  | 'dropped'
  | 'timeouts'
  | 'cpu'
  | 'queue'
  | 'inflight'
  | 'completed';

/** Controls a step can bring forward in presentation mode, by their on-screen labels. */
export type ControlLabel =
  | 'Architecture'
  | 'Arrival rate'
  | 'Load pattern'
  | 'CPU per request'
  | 'I/O per request'
  | 'Machines'
  | 'Cores per machine'
  | 'Core speed'
  | 'Threads per machine'
  | 'Workers per machine'
  | 'Backlog'
  | 'Queue capacity'
  | 'When the queue is full'
  | 'Balancer'
  | 'Client timeout';

export interface LessonStep {
  title: string;
  /** What to do and what happens, in a few sentences. */
  text: string;
  /** Applied live when the step opens (merged with the steps before it). */
  set?: Patch;
  /** Loaded afresh when the step opens, for changes that cannot be made live. */
  scenario?: ScenarioInput;
  /** A playback speed that suits the step (virtual seconds per second). */
  speed?: number;
  watch: Watch[];
  controls: ControlLabel[];
  /** What the learner should see. */
  notice: string;
}

export interface Lesson {
  id: string;
  title: string;
  /** One line for the lesson picker. */
  summary: string;
  /** The idea, in a short paragraph or two. */
  explanation: string;
  scenario: ScenarioInput;
  steps: LessonStep[];
}
