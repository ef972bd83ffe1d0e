/// <reference types="vite-plugin-pwa/react" />
/**
 * The offline copy of the app updates only when asked. When a new version has been downloaded in
 * the background, a small note offers to reload; until someone clicks it the page carries on, so
 * a lecture is never interrupted by an update.
 */
import { useRegisterSW } from 'virtual:pwa-register/react';

export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError: (error: unknown) =>
      console.warn('[servicescope] offline support is unavailable:', error),
  });
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status">
      New version available —{' '}
      <button
        type="button"
        className="button button-small"
        onClick={() => void updateServiceWorker(true)}
      >
        Reload
      </button>{' '}
      <button type="button" className="button button-small" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
