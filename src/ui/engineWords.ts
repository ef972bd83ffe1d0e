/**
 * The engine's small-integer codes for stages, thread states, drop reasons and transitions, as
 * the page needs them to read a frame, with the words the screen uses for each. The ui layer may
 * import engine types only, so the codes are restated here; each table is typed as `typeof` the
 * engine's own, so the compiler refuses any code that drifts from the engine's.
 */
import type { DropReasonCode, JobStage, ThreadState } from '../engine/model.ts';
import type { TransitionKind } from '../engine/transitions.ts';

export const STAGE: typeof JobStage = {
  networkIn: 0,
  backlog: 1,
  publishing: 2,
  queued: 3,
  waitingForCore: 4,
  running: 5,
  io: 6,
  waitingToPush: 7,
  responseQueue: 8,
  sending: 9,
  networkOut: 10,
  done: 11,
  dropped: 12,
};

export const THREAD: typeof ThreadState = {
  idle: 0,
  running: 1,
  waitingForCore: 2,
  io: 3,
  waitingToPush: 4,
};

export const TRANSITION: typeof TransitionKind = {
  sent: 0,
  arrived: 1,
  started: 2,
  responded: 3,
  completed: 4,
  dropped: 5,
  timedOut: 6,
  machineAdded: 7,
  machineRemoved: 8,
};

export const DROP_REASON_CODE: typeof DropReasonCode = {
  'backlog-full': 0,
  'queue-full': 1,
  'nobody-listening': 2,
  'retries-exhausted': 3,
};

export type StageName = keyof typeof JobStage;

/** Where requests are, in the words of the screen; done and dropped ones are not anywhere. */
export const STAGE_WORDS: { stage: StageName; words: string }[] = [
  { stage: 'networkIn', words: 'on the way in' },
  { stage: 'backlog', words: 'in the backlog' },
  { stage: 'publishing', words: 'being published' },
  { stage: 'queued', words: 'in the request queue' },
  { stage: 'waitingForCore', words: 'waiting for a core' },
  { stage: 'running', words: 'running on a core' },
  { stage: 'io', words: 'in I/O' },
  { stage: 'waitingToPush', words: 'waiting to push' },
  { stage: 'responseQueue', words: 'in the response queue' },
  { stage: 'sending', words: 'being sent' },
  { stage: 'networkOut', words: 'on the way back' },
];
