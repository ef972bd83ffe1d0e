/**
 * The line under a control: the engine's refusal of the last value tried (announced at once, as
 * an alert), or else a note on why the control does not apply or what a value means.
 */
interface ControlNoteProps {
  id: string;
  refusal: string[] | null;
  note: string | undefined;
}

export function ControlNote({ id, refusal, note }: ControlNoteProps) {
  if (refusal) {
    return (
      <p id={id} className="control-note refusal" role="alert">
        {refusal.join('; ')}
      </p>
    );
  }
  if (!note) return null;
  return (
    <p id={id} className="control-note">
      {note}
    </p>
  );
}
