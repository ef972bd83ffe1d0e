/**
 * Said plainly when the simulation's worker has thrown or stopped answering: the picture and
 * figures have stopped, everything else on the page still works, and one button starts a new
 * worker with the same scenario.
 */
import { useShallow } from 'zustand/react/shallow';
import { restart, useSession } from '../state/session.ts';

export function CrashBanner() {
  const { status, problem } = useSession(
    useShallow((s) => ({ status: s.status, problem: s.problem })),
  );
  if (status === 'restarting') {
    return (
      <div className="banner" role="status">
        Restarting the simulation…
      </div>
    );
  }
  if (status !== 'crashed') return null;
  return (
    <div className="banner banner-alarm" role="alert">
      <p>
        <strong>The simulation stopped.</strong> {problem ?? 'Its worker stopped answering.'} The
        figures and the picture are frozen at the last moment it reported; the rest of the page
        still works.
      </p>
      <button type="button" className="button button-primary" onClick={() => restart()}>
        Restart
      </button>
    </div>
  );
}
