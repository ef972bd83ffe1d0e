/**
 * The colour theme follows the reader's system setting (prefers-color-scheme) unless they chose
 * light or dark on the page, and reduced motion follows the system; both are read through
 * useSyncExternalStore so a change while the page is open
 * (a projector laptop switching to dark at sunset) re-renders the page and the picture at once.
 */
import { useSyncExternalStore } from 'react';
import { usePreferences } from '../state/preferences.ts';
import type { Theme } from '../viz/palette.ts';

type Subscribe = (onChange: () => void) => () => void;

/** One subscribe function per query, so useSyncExternalStore does not resubscribe each render. */
const subscribers = new Map<string, Subscribe>();

function subscribeTo(query: string): Subscribe {
  let subscribe = subscribers.get(query);
  if (!subscribe) {
    subscribe = (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    };
    subscribers.set(query, subscribe);
  }
  return subscribe;
}

function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(subscribeTo(query), () => window.matchMedia(query).matches);
}

export function useTheme(): Theme {
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const choice = usePreferences((s) => s.theme);
  if (choice !== 'system') return choice;
  return systemDark ? 'dark' : 'light';
}

export function useReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}
