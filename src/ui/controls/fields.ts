/**
 * The numeric controls of the side panel, each described once: the label the screen shows, its
 * unit, the range its slider covers, how to read its value from a scenario and how to turn a new
 * value into a live change. The engine's schema stays the judge of what is allowed: a control
 * never clamps a typed value, so a refused one gets the engine's message naming field and rule.
 */
import type { Patch, Scenario } from '../../engine/scenario/schema.ts';
import { meanOf, withMean } from './distributions.ts';
import { rateOf, withRate } from './loads.ts';

export type NumberFieldKey =
  | 'arrivalRate'
  | 'users'
  | 'cpuMs'
  | 'ioMs'
  | 'machines'
  | 'cores'
  | 'coreSpeed'
  | 'threads'
  | 'backlog'
  | 'queueCapacity'
  | 'timeoutMs';

/** How the slider maps onto values: log sliders cover ranges of many decades. */
export type SliderScale =
  | { kind: 'linear'; min: number; max: number; step: number }
  | { kind: 'log'; min: number; max: number; zeroAtStart: boolean };

export interface NumberField {
  key: NumberFieldKey;
  label: string;
  unit: string;
  /** A line under the control that says what an unusual value means. */
  hint?: string;
  /** The number input's step; arrow keys move by it. */
  step: number;
  integer: boolean;
  slider: SliderScale | null;
  /** The value now, or null when the field does not apply to this scenario. */
  read(s: Scenario): number | null;
  patch(s: Scenario, value: number): Patch;
}

const isQueueModel = (s: Scenario) => s.server.model === 'message-queue';

export const NUMBER_FIELDS: Record<NumberFieldKey, NumberField> = {
  arrivalRate: {
    key: 'arrivalRate',
    label: 'Arrival rate',
    unit: '/s',
    step: 10,
    integer: false,
    slider: { kind: 'log', min: 1, max: 20_000, zeroAtStart: true },
    read: (s) => rateOf(s.load),
    patch: (s, v) => ({ load: withRate(s.load, v) }),
  },
  users: {
    key: 'users',
    label: 'Users',
    unit: '',
    step: 1,
    integer: true,
    slider: { kind: 'log', min: 1, max: 10_000, zeroAtStart: true },
    read: (s) => (s.load.pattern === 'closed' ? s.load.users : null),
    patch: (s, v) => ({ load: s.load.pattern === 'closed' ? { ...s.load, users: v } : s.load }),
  },
  cpuMs: {
    key: 'cpuMs',
    label: 'CPU per request',
    unit: 'ms',
    step: 1,
    integer: false,
    slider: { kind: 'log', min: 0.1, max: 2_000, zeroAtStart: false },
    read: (s) => meanOf(s.request.cpuMs),
    patch: (s, v) => ({ request: { cpuMs: withMean(s.request.cpuMs, v) } }),
  },
  ioMs: {
    key: 'ioMs',
    label: 'I/O per request',
    unit: 'ms',
    step: 1,
    integer: false,
    slider: { kind: 'log', min: 1, max: 5_000, zeroAtStart: true },
    read: (s) => meanOf(s.request.ioMs),
    patch: (s, v) => ({ request: { ioMs: withMean(s.request.ioMs, v) } }),
  },
  machines: {
    key: 'machines',
    label: 'Machines',
    unit: '',
    step: 1,
    integer: true,
    slider: { kind: 'linear', min: 0, max: 16, step: 1 },
    read: (s) => s.machines.count,
    patch: (_s, v) => ({ machines: { count: v } }),
  },
  cores: {
    key: 'cores',
    label: 'Cores per machine',
    unit: '',
    step: 1,
    integer: true,
    slider: { kind: 'linear', min: 1, max: 32, step: 1 },
    read: (s) => s.machines.cores,
    patch: (_s, v) => ({ machines: { cores: v } }),
  },
  coreSpeed: {
    key: 'coreSpeed',
    label: 'Core speed',
    unit: '×',
    step: 0.1,
    integer: false,
    slider: { kind: 'log', min: 0.1, max: 10, zeroAtStart: false },
    read: (s) => s.machines.coreSpeed,
    patch: (_s, v) => ({ machines: { coreSpeed: v } }),
  },
  threads: {
    key: 'threads',
    label: 'Threads per machine',
    unit: '',
    step: 1,
    integer: true,
    slider: { kind: 'log', min: 1, max: 1_024, zeroAtStart: true },
    read: (s) => (s.server.model === 'message-queue' ? s.server.workers : s.server.threads),
    patch: (s, v) => ({ server: isQueueModel(s) ? { workers: v } : { threads: v } }),
  },
  backlog: {
    key: 'backlog',
    label: 'Backlog',
    unit: '',
    step: 1,
    integer: true,
    slider: { kind: 'log', min: 1, max: 10_000, zeroAtStart: true },
    read: (s) => s.server.backlog,
    patch: (_s, v) => ({ server: { backlog: v } }),
  },
  queueCapacity: {
    key: 'queueCapacity',
    label: 'Queue capacity',
    unit: '',
    step: 1,
    integer: true,
    slider: { kind: 'log', min: 1, max: 100_000, zeroAtStart: true },
    read: (s) => (s.server.model === 'message-queue' ? s.server.queueCapacity : null),
    patch: (_s, v) => ({ server: { queueCapacity: v } }),
  },
  timeoutMs: {
    key: 'timeoutMs',
    label: 'Client timeout',
    unit: 'ms',
    hint: '0 means the client waits forever.',
    step: 50,
    integer: false,
    slider: null,
    read: (s) => s.timeoutMs ?? 0,
    // The schema refuses a zero timeout; a client that waits forever has none at all.
    patch: (_s, v) => ({ timeoutMs: v === 0 ? null : v }),
  },
};

/** The label of the thread control names what the model calls its threads. */
export function labelOf(field: NumberField, s: Scenario | null): string {
  if (field.key === 'threads' && s && isQueueModel(s)) return 'Workers per machine';
  return field.label;
}
