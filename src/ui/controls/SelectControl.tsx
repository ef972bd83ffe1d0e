/**
 * A labelled choice among a few named options, applied the moment it changes. Native selects
 * keep keyboard use (arrow keys, type-ahead) and screen-reader names right without extra code.
 */
import { useId, useState } from 'react';
import type { Result } from '../../worker/protocol.ts';
import { ControlNote } from './ControlNote.tsx';
import { useControlShown } from './controlFilter.ts';

export interface Option<T extends string> {
  value: T;
  words: string;
}

interface SelectControlProps<T extends string> {
  id: string;
  label: string;
  value: T | null;
  options: Option<T>[];
  inapplicable?: string;
  apply: (value: T) => Promise<Result<unknown>>;
}

export function SelectControl<T extends string>(props: SelectControlProps<T>) {
  return useControlShown(props.label) ? <SelectControlShown {...props} /> : null;
}

function SelectControlShown<T extends string>(props: SelectControlProps<T>) {
  const { id, label, value, options, inapplicable, apply } = props;
  const noteId = useId();
  const [refusal, setRefusal] = useState<string[] | null>(null);

  const choose = async (chosen: string) => {
    const option = options.find((o) => o.value === chosen);
    if (!option) return;
    const result = await apply(option.value);
    setRefusal(result.ok ? null : result.errors);
  };

  const disabled = value === null;
  return (
    <div className={refusal ? 'control control-refused' : 'control'}>
      <div className="control-row control-row-stacked">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          className="select"
          value={value ?? ''}
          disabled={disabled}
          aria-describedby={noteId}
          onChange={(e) => void choose(e.target.value)}
        >
          {disabled && <option value="">not used</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.words}
            </option>
          ))}
        </select>
      </div>
      <ControlNote id={noteId} refusal={refusal} note={disabled ? inapplicable : undefined} />
    </div>
  );
}
