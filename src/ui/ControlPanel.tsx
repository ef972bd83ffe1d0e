/**
 * The side panel of controls, grouped as the model is: the load the clients put on the service,
 * the work each request needs, the machines it runs on, and the server design on each machine.
 * Every change applies live to the running simulation; changing the architecture reloads the
 * scenario with the other server design, because a running server cannot change its design.
 */
import type { ReactNode } from 'react';
import type { Balancer, LoadPattern, Scenario, ServerModel } from '../engine/scenario/schema.ts';
import { applyPatch, loadScenario, play, useSession } from '../state/session.ts';
import type { Result } from '../worker/protocol.ts';
import { ARCHITECTURES, withArchitecture } from './controls/architecture.ts';
import {
  labelOf,
  NUMBER_FIELDS,
  type NumberField,
  type NumberFieldKey,
} from './controls/fields.ts';
import { LOAD_PATTERNS, rateOf, withPattern } from './controls/loads.ts';
import { NumberControl } from './controls/NumberControl.tsx';
import { SelectControl, type Option } from './controls/SelectControl.tsx';
import { LessonPicker } from './lessons/LessonPanel.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';

const NOT_READY: Result<never> = { ok: false, errors: ['The simulation is not running yet.'] };
const QUEUE_ONLY = 'Only the message-queue architecture has a request queue.';

const BALANCER_OPTIONS: Option<Balancer>[] = [
  { value: 'round-robin', words: 'Round robin' },
  { value: 'random', words: 'Random' },
  { value: 'least-connections', words: 'Least connections' },
  { value: 'power-of-two', words: 'Power of two choices' },
];

const WHEN_FULL_OPTIONS: Option<'reject' | 'block'>[] = [
  { value: 'reject', words: 'Reject (drop the request)' },
  { value: 'block', words: 'Block (backpressure)' },
];

/** The arrival rate a closed load turns into when an open pattern is chosen again. */
let lastOpenRatePerSec = 100;

function current(): Scenario | null {
  return useSession.getState().scenario;
}

function applyNumber(field: NumberField) {
  return async (value: number) => {
    const s = current();
    return s ? applyPatch(field.patch(s, value), field.key) : NOT_READY;
  };
}

async function applyPattern(pattern: LoadPattern) {
  const s = current();
  if (!s) return NOT_READY;
  lastOpenRatePerSec = rateOf(s.load) ?? lastOpenRatePerSec;
  return applyPatch({ load: withPattern(s.load, pattern, lastOpenRatePerSec) }, 'loadPattern');
}

async function applyArchitecture(model: ServerModel) {
  const { scenario, loaded, playing } = useSession.getState();
  if (!scenario) return NOT_READY;
  const result = await loadScenario(withArchitecture(scenario, model, loaded));
  if (result.ok && playing) play();
  return result;
}

interface ControlPanelProps {
  /** The open lesson, shown above the controls. */
  lesson?: ReactNode;
  /** Presentation mode: no scenario picker. */
  compact?: boolean;
}

export function ControlPanel({ lesson, compact = false }: ControlPanelProps) {
  const scenario = useSession((s) => s.scenario);
  if (!scenario) return <aside className="controls" aria-label="Controls" />;
  const server = scenario.server;
  const queue = server.model === 'message-queue' ? server : null;
  const closed = scenario.load.pattern === 'closed';
  const number = (key: NumberFieldKey, inapplicable?: string) => (
    <NumberControl
      field={NUMBER_FIELDS[key]}
      label={labelOf(NUMBER_FIELDS[key], scenario)}
      value={NUMBER_FIELDS[key].read(scenario)}
      inapplicable={inapplicable}
      apply={applyNumber(NUMBER_FIELDS[key])}
    />
  );

  return (
    <aside className="controls" aria-label="Controls">
      <LessonPicker />
      {lesson}
      {!compact && <ScenarioPicker />}
      <Group title="Load">
        {closed ? number('users') : number('arrivalRate')}
        <SelectControl
          id="control-load-pattern"
          label="Load pattern"
          value={scenario.load.pattern}
          options={LOAD_PATTERNS.map((p) => ({ value: p.pattern, words: p.words }))}
          apply={applyPattern}
        />
        {number('timeoutMs')}
      </Group>
      <Group title="Work per request">
        {number('cpuMs')}
        {number('ioMs')}
      </Group>
      <Group title="Machines">
        {number('machines')}
        {number('cores')}
        {number('coreSpeed')}
        <SelectControl
          id="control-balancer"
          label="Balancer"
          value={scenario.balancer}
          options={BALANCER_OPTIONS}
          apply={(balancer) => applyPatch({ balancer }, 'balancer')}
        />
      </Group>
      <Group title="Server">
        <SelectControl
          id="control-architecture"
          label="Architecture"
          value={server.model}
          options={ARCHITECTURES.map((a) => ({ value: a.model, words: a.words }))}
          apply={applyArchitecture}
        />
        {number('threads')}
        {number('backlog')}
        {number('queueCapacity', QUEUE_ONLY)}
        <SelectControl
          id="control-when-full"
          label="When the queue is full"
          value={queue?.whenFull ?? null}
          options={WHEN_FULL_OPTIONS}
          inapplicable={QUEUE_ONLY}
          apply={(whenFull) => applyPatch({ server: { whenFull } }, 'whenFull')}
        />
      </Group>
    </aside>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="control-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
