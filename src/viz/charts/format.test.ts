import { describe, expect, it } from 'vitest';
import { count, figure, seconds, speedFactor } from './format.ts';

describe('figure', () => {
  it('has no thousands separator, so parseFloat reads it back', () => {
    expect(figure(12045.4)).toBe('12045');
    expect(parseFloat(figure(12045.4))).toBe(12045);
  });

  it('shrinks precision as numbers grow', () => {
    expect(figure(0.4217)).toBe('0.42');
    expect(figure(3.46)).toBe('3.5');
    expect(figure(187.2)).toBe('187');
    expect(figure(NaN)).toBe('0');
  });
});

describe('count, seconds, speedFactor', () => {
  it('formats whole counts, the clock and speeds', () => {
    expect(count(1234567)).toBe('1234567');
    expect(seconds(12.345)).toBe('12.3 s');
    expect(speedFactor(0.01)).toBe('0.01x');
    expect(speedFactor(1)).toBe('1x');
    expect(speedFactor(Infinity)).toBe('max');
  });
});
