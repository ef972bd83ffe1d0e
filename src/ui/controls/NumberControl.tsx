/**
 * One numeric control: a labelled number input with its unit, and a slider beside it for the
 * mouse. The number input is the control proper, for keyboards and screen readers; the slider
 * repeats it for pointer users and is hidden from assistive technology so that each control has
 * exactly one name. Arrow keys and the slider apply at once; typed text applies when the typing
 * pauses, on Enter or on leaving the field. A refused value shows the engine's message under the
 * control and the field returns to the last good value.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { Result } from '../../worker/protocol.ts';
import { ControlNote } from './ControlNote.tsx';
import { useControlShown } from './controlFilter.ts';
import type { NumberField } from './fields.ts';
import { positionOf, sliderRange, valueAt } from './sliderScale.ts';

const TYPING_PAUSE_MS = 700;

interface NumberControlProps {
  field: NumberField;
  label: string;
  /** The value in the running scenario, or null when the control does not apply. */
  value: number | null;
  /** Why the control does not apply, shown when `value` is null. */
  inapplicable?: string;
  apply: (value: number) => Promise<Result<unknown>>;
}

export function NumberControl(props: NumberControlProps) {
  return useControlShown(props.label) ? <NumberControlShown {...props} /> : null;
}

function NumberControlShown({ field, label, value, inapplicable, apply }: NumberControlProps) {
  const id = `control-${field.key}`;
  const noteId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => stopTimer(typing), []);

  const commit = async (text: string) => {
    stopTimer(typing);
    const parsed = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(parsed)) {
      setRefusal([`${label}: must be a number`]);
      setDraft(null);
      return;
    }
    if (parsed === value) return setDraft(null);
    const result = await apply(parsed);
    setRefusal(result.ok ? null : result.errors);
    setDraft(null);
  };

  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    setDraft(text);
    stopTimer(typing);
    if (isTyping(event)) typing.current = setTimeout(() => void commit(text), TYPING_PAUSE_MS);
    else void commit(text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') void commit(event.currentTarget.value);
    if (event.key === 'Escape') setDraft(null);
  };

  const disabled = value === null;
  const shown = draft ?? (value === null ? '' : String(value));
  return (
    <div className={refusal ? 'control control-refused' : 'control'}>
      <div className="control-row">
        <label htmlFor={id}>{label}</label>
        <span className="control-field">
          <input
            id={id}
            type="number"
            inputMode="decimal"
            className="number"
            min={0}
            step={field.step}
            value={shown}
            disabled={disabled}
            aria-describedby={noteId}
            aria-invalid={refusal ? true : undefined}
            onChange={onInput}
            onKeyDown={onKeyDown}
            onBlur={(e) => draft !== null && void commit(e.currentTarget.value)}
          />
          <span className="unit">{field.unit}</span>
        </span>
      </div>
      {field.slider && (
        <Slider
          field={field}
          value={value}
          disabled={disabled}
          onSlide={(v) => void commit(String(v))}
        />
      )}
      <ControlNote id={noteId} refusal={refusal} note={disabled ? inapplicable : field.hint} />
    </div>
  );
}

interface SliderProps {
  field: NumberField;
  value: number | null;
  disabled: boolean;
  onSlide: (value: number) => void;
}

function Slider({ field, value, disabled, onSlide }: SliderProps) {
  if (!field.slider) return null;
  const scale = field.slider;
  const range = sliderRange(scale);
  return (
    <input
      type="range"
      className="slider"
      aria-hidden="true"
      tabIndex={-1}
      min={range.min}
      max={range.max}
      step={range.step}
      value={positionOf(scale, value ?? 0)}
      disabled={disabled}
      onChange={(e) => onSlide(valueAt(scale, Number(e.target.value), field.integer))}
    />
  );
}

/** Keystrokes that write text wait for a pause; arrow keys and the spinner step at once. */
function isTyping(event: ChangeEvent<HTMLInputElement>): boolean {
  const inputType = (event.nativeEvent as InputEvent).inputType ?? '';
  return inputType.startsWith('insert') || inputType.startsWith('delete');
}

function stopTimer(timer: { current: ReturnType<typeof setTimeout> | null }) {
  if (timer.current) clearTimeout(timer.current);
  timer.current = null;
}
