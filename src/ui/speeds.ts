/**
 * The speeds offered, from slow motion where one request can be followed to as fast as the
 * engine goes. Speed buttons and the keyboard step along this ladder.
 */
export const SPEEDS = [0.01, 0.03, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 100, Infinity] as const;

/** The next speed up (or down) the ladder from `current`, staying at the ends. */
export function nextSpeed(current: number, direction: 1 | -1): number {
  if (direction > 0) return SPEEDS.find((s) => s > current) ?? SPEEDS[SPEEDS.length - 1]!;
  return [...SPEEDS].reverse().find((s) => s < current) ?? SPEEDS[0];
}
