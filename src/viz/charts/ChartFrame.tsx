/**
 * The frame every chart sits in: a title, a key of its lines, the plot, and a note under it (for
 * the theory a chart is compared with). Each chart is wrapped in its own error boundary, so a
 * chart that throws on odd data shows a sentence in its place and the page goes on.
 */
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

interface ChartFrameProps {
  title: string;
  keys?: ReactNode;
  note?: ReactNode;
  children: ReactNode;
}

export function ChartFrame({ title, keys, note, children }: ChartFrameProps) {
  return (
    <figure className="chart">
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        {keys && <span className="chart-keys">{keys}</span>}
      </figcaption>
      {children}
      {note && <p className="chart-note">{note}</p>}
    </figure>
  );
}

export function LineKey({
  name,
  colour,
  dashed,
}: {
  name: string;
  colour: string;
  dashed: boolean;
}) {
  return (
    <span className="chart-key">
      <svg width="18" height="8" aria-hidden="true">
        <line
          x1="1"
          x2="17"
          y1="4"
          y2="4"
          stroke={colour}
          strokeWidth="2.5"
          strokeDasharray={dashed ? '4 3' : undefined}
        />
      </svg>
      {name}
    </span>
  );
}

const warned = new Set<string>();

function warnOnce(title: string, error: unknown) {
  if (warned.has(title)) return;
  warned.add(title);
  console.warn(`[servicescope] the ${title} chart failed:`, error);
}

function ChartFailed({ error, title }: FallbackProps & { title: string }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <figure className="chart chart-failed">
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
      </figcaption>
      <p>This chart could not be drawn ({message}). The rest of the page keeps working.</p>
    </figure>
  );
}

/** One chart, isolated: if it throws, only its own box says so. */
export function Guarded({ title, children }: { title: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      fallbackRender={(props) => <ChartFailed {...props} title={title} />}
      onError={(error) => warnOnce(title, error)}
    >
      {children}
    </ErrorBoundary>
  );
}
