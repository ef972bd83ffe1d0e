/**
 * Each panel of the page sits in its own error boundary: a panel that throws says so in its own
 * box and offers to try again, and the picture, the controls and the other panels carry on.
 */
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

const warned = new Set<string>();

function warnOnce(name: string, error: unknown) {
  if (warned.has(name)) return;
  warned.add(name);
  console.warn(`[servicescope] the ${name} panel failed:`, error);
}

function PanelFailed({ error, resetErrorBoundary, name }: FallbackProps & { name: string }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="panel panel-failed" role="alert">
      <p>
        The {name} panel ran into a problem ({message}). The rest of the page keeps working.
      </p>
      <button type="button" className="button button-small" onClick={resetErrorBoundary}>
        Try again
      </button>
    </div>
  );
}

export function PanelBoundary({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallbackRender={(props) => <PanelFailed {...props} name={name} />}
      onError={(error) => warnOnce(name, error)}
    >
      {children}
    </ErrorBoundary>
  );
}
