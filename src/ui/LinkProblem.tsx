/**
 * Says, in words, why the link in the address could not be opened; the default scenario runs
 * instead and nothing else is lost. Dismissable.
 */
import { useState } from 'react';

export function LinkProblem({ problem }: { problem: string[] | null }) {
  const [dismissed, setDismissed] = useState(false);
  if (!problem || dismissed) return null;
  return (
    <div className="banner banner-alarm" role="alert">
      <div>
        <p>
          <strong>This link could not be opened</strong>, so the default scenario is showing:
        </p>
        <ul className="link-problems">
          {problem.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
