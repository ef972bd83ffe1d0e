/**
 * Keyboard shortcuts for the person at the front of the room: one key per action, listed in the
 * help overlay from this same table so the two cannot disagree. Keys typed into a field, or
 * pressed with Ctrl, Alt or Meta, are left to the browser.
 */
import { useLesson } from '../state/lesson.ts';
import { pause, play, reset, setSpeed, step, useSession } from '../state/session.ts';
import { nextStep, previousStep } from './lessons/lessonActions.ts';
import { nextSpeed } from './speeds.ts';

export interface Shortcut {
  keys: string[];
  /** How the keys are shown in the help overlay. */
  label: string;
  action: string;
  run: () => void;
}

export function shortcuts(ui: {
  togglePresenting: () => void;
  toggleHelp: () => void;
}): Shortcut[] {
  return [
    { keys: [' ', 'k'], label: 'Space or K', action: 'Play or pause', run: togglePlay },
    { keys: ['.', 's'], label: '. or S', action: 'Step one event', run: step },
    { keys: ['+', '='], label: '+', action: 'Faster', run: () => changeSpeed(1) },
    { keys: ['-', '_'], label: '−', action: 'Slower', run: () => changeSpeed(-1) },
    {
      keys: ['ArrowRight', 'n'],
      label: '→ or N',
      action: 'Next lesson step',
      run: whenLesson(nextStep),
    },
    {
      keys: ['ArrowLeft', 'p'],
      label: '← or P',
      action: 'Previous lesson step',
      run: whenLesson(previousStep),
    },
    { keys: ['r'], label: 'R', action: 'Reset the run', run: reset },
    { keys: ['f'], label: 'F', action: 'Presentation mode on or off', run: ui.togglePresenting },
    { keys: ['?'], label: '?', action: 'Show or hide this list', run: ui.toggleHelp },
  ];
}

/** Finds the shortcut for a key event, or null when the key belongs to something else. */
export function shortcutFor(event: KeyboardEvent, list: readonly Shortcut[]): Shortcut | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return null;
  if (isTyping(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return list.find((s) => s.keys.includes(key)) ?? null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Space on a focused button or checkbox means "press it": leave it to the browser too.
  return true;
}

function togglePlay(): void {
  if (useSession.getState().playing) pause();
  else play();
}

function changeSpeed(direction: 1 | -1): void {
  setSpeed(nextSpeed(useSession.getState().speed, direction));
}

function whenLesson(run: () => Promise<void>): () => void {
  return () => {
    if (useLesson.getState().lessonId) void run();
  };
}
