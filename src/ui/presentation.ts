/**
 * Presentation mode: for a lecture hall. The page goes full screen (when the browser lets it),
 * type and dots grow, and with a lesson open the control panel keeps only the controls the
 * current step is about. Leaving full screen with Escape leaves presentation mode too.
 */
import { useLesson } from '../state/lesson.ts';

export function setPresenting(on: boolean): void {
  useLesson.setState({ presenting: on });
  const root = document.documentElement;
  if (on && !document.fullscreenElement && root.requestFullscreen) {
    // Full screen needs a user gesture and may be refused (embedded frames, some kiosks);
    // presentation mode works without it.
    root.requestFullscreen().catch(() => undefined);
  } else if (!on && document.fullscreenElement) {
    document.exitFullscreen().catch(() => undefined);
  }
}

export function togglePresenting(): void {
  setPresenting(!useLesson.getState().presenting);
}

/** Call once: leaving full screen by the browser's own means ends presentation mode. */
export function followFullscreen(): () => void {
  const onChange = () => {
    if (!document.fullscreenElement && useLesson.getState().presenting) {
      useLesson.setState({ presenting: false });
    }
  };
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}
