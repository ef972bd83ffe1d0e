/**
 * The page's state in its URL. At start the hash is read once: a link opens the scenario, lesson,
 * step and speed it was made with, and a damaged link is reported in words while the default
 * scenario opens instead. Afterwards every change of scenario, lesson, step or speed rewrites the
 * hash in place (no new history entry), so copying the address bar always copies what is shown.
 */
import { useEffect } from 'react';
import { decodeLink, encodeLink, type LinkState } from '../state/link.ts';
import { useLesson } from '../state/lesson.ts';
import { useSession } from '../state/session.ts';

export interface StartState {
  link: LinkState | null;
  /** Why the link in the address could not be opened, if it could not. */
  problem: string[] | null;
}

export function readStartState(hash: string): StartState {
  const decoded = decodeLink(hash);
  if (decoded.ok) return { link: decoded.value, problem: null };
  return { link: null, problem: decoded.errors };
}

/** The link that reproduces the page as it is now, or null before a scenario is loaded. */
export function currentLink(options: { embed: boolean; autoplay: boolean }): string | null {
  const { scenario, speed } = useSession.getState();
  if (!scenario) return null;
  const { lessonId, step } = useLesson.getState();
  const encoded = encodeLink({ scenario, lesson: lessonId, step, speed, ...options });
  return encoded.ok ? encoded.value : null;
}

/** Keeps the address bar's hash in step with the page, a moment after each change. */
export function useUrlSync(embed: boolean): void {
  const scenario = useSession((s) => s.scenario);
  const speed = useSession((s) => s.speed);
  const lessonId = useLesson((s) => s.lessonId);
  const step = useLesson((s) => s.step);

  useEffect(() => {
    if (!scenario) return;
    const timer = setTimeout(() => writeHash(embed), HASH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [scenario, speed, lessonId, step, embed]);
}

const HASH_DELAY_MS = 300;

function writeHash(embed: boolean): void {
  const hash = currentLink({ embed, autoplay: embed });
  if (!hash || hash === window.location.hash) return;
  window.history.replaceState(window.history.state, '', hash);
}

/** The page's address without its hash, for building share links. */
export function pageAddress(): string {
  return window.location.href.split('#')[0]!;
}
