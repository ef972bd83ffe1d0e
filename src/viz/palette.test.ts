import { describe, expect, it } from 'vitest';
import { legend, palette, STATE_KEYS } from './palette.ts';

describe('palette', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`gives every state its own colour in the ${theme} theme`, () => {
      const colors = STATE_KEYS.map((key) => palette(theme).states[key].color.toLowerCase());

      expect(new Set(colors).size).toBe(STATE_KEYS.length);
    });
  }

  it('tells apart by mark the states whose colours some eyes confuse', () => {
    const states = palette('light').states;
    const marks = ['idle', 'running', 'waitingForCore', 'io', 'waitingToPush'] as const;

    expect(new Set(marks.map((key) => states[key].mark)).size).toBe(marks.length);
    expect(states.dropped.mark).toBe('cross');
    expect(states.timedOut.mark).toBe('ring');
  });

  it('returns the same object for a theme each time', () => {
    expect(palette('dark')).toBe(palette('dark'));
  });
});

describe('legend', () => {
  it('lists every state once, in order, with the words used on screen', () => {
    const entries = legend('light');

    expect(entries.map((e) => e.key)).toEqual([...STATE_KEYS]);
    expect(entries.find((e) => e.key === 'waitingForCore')?.label).toBe('waiting for a core');
  });
});
