/**
 * The tools at the right of the top bar: share a link or an embed, presentation mode, the
 * keyboard shortcuts, and the colour theme.
 */
import { useLesson } from '../state/lesson.ts';
import { chooseTheme, usePreferences, type ThemeChoice } from '../state/preferences.ts';

interface TopToolsProps {
  onShare: () => void;
  onHelp: () => void;
  onPresent: () => void;
}

export function TopTools({ onShare, onHelp, onPresent }: TopToolsProps) {
  const presenting = useLesson((s) => s.presenting);
  const theme = usePreferences((s) => s.theme);
  return (
    <div className="top-tools" role="group" aria-label="Page tools">
      <button type="button" className="button" onClick={onShare}>
        Share
      </button>
      <button
        type="button"
        className={presenting ? 'button button-active' : 'button'}
        aria-pressed={presenting}
        onClick={onPresent}
      >
        Present
      </button>
      <button
        type="button"
        className="button"
        onClick={onHelp}
        aria-keyshortcuts="?"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
      <label htmlFor="theme-choice" className="visually-hidden">
        Theme
      </label>
      <select
        id="theme-choice"
        className="select"
        value={theme}
        onChange={(e) => chooseTheme(e.target.value as ThemeChoice)}
      >
        <option value="system">Theme: system</option>
        <option value="light">Theme: light</option>
        <option value="dark">Theme: dark</option>
      </select>
    </div>
  );
}
