/**
 * Console warnings for developers, once per cause: a problem that repeats every frame must not
 * flood the console. The user learns of problems from the page itself, not from here.
 */
export type WarningCause =
  'engine-crashed' | 'frame-failed' | 'history-failed' | 'listener-failed' | 'action-failed';

const warned = new Set<WarningCause>();

export function warnOnce(cause: WarningCause, message: string): void {
  if (warned.has(cause)) return;
  warned.add(cause);
  console.warn(`[servicescope] ${message}`);
}

/** For tests. */
export function forgetWarnings(): void {
  warned.clear();
}
