/**
 * The keyboard shortcuts, listed from the same table that handles the keys. A modal dialog:
 * Escape or the Close button hides it, and focus returns to where it was.
 */
import { ModalDialog } from './ModalDialog.tsx';
import type { Shortcut } from './shortcuts.ts';

export function HelpOverlay({ list, onClose }: { list: readonly Shortcut[]; onClose: () => void }) {
  return (
    <ModalDialog titleId="help-title" onClose={onClose}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table className="shortcut-table">
        <tbody>
          {list.map((s) => (
            <tr key={s.action}>
              <td>
                <kbd>{s.label}</kbd>
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Shortcuts are off while you type in a field.</p>
      <button type="button" className="button button-primary" onClick={onClose} autoFocus>
        Close
      </button>
    </ModalDialog>
  );
}
