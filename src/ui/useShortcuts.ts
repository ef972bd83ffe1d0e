/**
 * Listens for the shortcut keys on the whole page and runs their actions.
 */
import { useEffect } from 'react';
import { shortcutFor, type Shortcut } from './shortcuts.ts';

export function useShortcuts(list: readonly Shortcut[], enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event, list);
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [list, enabled]);
}
