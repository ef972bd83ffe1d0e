/**
 * The reader's own settings for this page: the colour theme (following the system, or fixed
 * light or dark, for a projector that washes out one of them). Kept in localStorage when the
 * browser allows it, so the choice survives a reload; a browser that refuses storage simply
 * forgets it.
 */
import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';
const THEME_KEY = 'servicescope.theme';

export const usePreferences = create<{ theme: ThemeChoice }>(() => ({ theme: storedTheme() }));

export function chooseTheme(theme: ThemeChoice): void {
  usePreferences.setState({ theme });
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage may be off (private windows, embedded frames): the choice lasts for this visit.
  }
}

function storedTheme(): ThemeChoice {
  try {
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(THEME_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}
