/**
 * The inspector: what the selected request or thread is doing now, what happened to it so far,
 * and, for a request, the request and response as the messages they are. Selection happens by
 * clicking the picture, or with 'Follow a request', which picks the next request a client sends
 * so that slow motion can follow one request through the whole system. For the message-queue
 * architecture the service loop every worker runs is shown, with the selected worker's line lit.
 */
import { useEffect, useRef, useState } from 'react';
import { getFrame, subscribeFrame } from '../state/frames.ts';
import { select, useSession } from '../state/session.ts';
import type { Frame, Inspection } from '../worker/protocol.ts';
import { TRANSITION } from './engineWords.ts';
import { useFrameSlice } from './useFrameSlice.ts';

const selectionOf = (frame: Frame) => frame.selection;
const keyOf = (inspection: Inspection | null) => JSON.stringify(inspection);

export function Inspector() {
  const inspection = useFrameSlice(selectionOf, keyOf);
  const model = useSession((s) => s.scenario?.server.model);
  return (
    <section className="inspector panel" aria-labelledby="inspector-title">
      <h2 id="inspector-title">Inspector</h2>
      <FollowButton />
      {inspection ? <Details inspection={inspection} /> : <Hint />}
      {model === 'message-queue' && <ServiceLoop line={inspection?.loopLine ?? null} />}
    </section>
  );
}

function Hint() {
  return (
    <p className="muted">
      Click a request (a dot) or a thread in the picture to see what it is doing, or follow the next
      request a client sends. Slow motion (Speed 0.01x) makes it easy to watch.
    </p>
  );
}

function Details({ inspection }: { inspection: Inspection }) {
  return (
    <div className="inspection" data-testid="inspection">
      <h3>
        {inspection.title}
        {inspection.gone && <span className="badge"> gone</span>}
      </h3>
      <p className="inspection-doing" data-testid="inspection-doing">
        {inspection.doing}
      </p>
      <ol className="timeline" aria-label="Timeline">
        {inspection.timeline.map((entry, i) => (
          <li key={i}>
            <span className="timeline-time">{(entry.atMs / 1000).toFixed(3)} s</span> {entry.label}
          </li>
        ))}
      </ol>
      {inspection.message && <Messages message={inspection.message} />}
      <button type="button" className="button button-small" onClick={() => select(null)}>
        Clear selection
      </button>
    </div>
  );
}

function Messages({ message }: { message: NonNullable<Inspection['message']> }) {
  return (
    <div className="messages">
      <MessageBox title="Request" body={message.request} />
      {message.response ? (
        <MessageBox title="Response" body={message.response} />
      ) : (
        <p className="muted">No response yet.</p>
      )}
    </div>
  );
}

function MessageBox({ title, body }: { title: string; body: Record<string, unknown> }) {
  return (
    <div className="message">
      <h4>{title}</h4>
      <dl>
        {Object.entries(body).map(([key, value]) => (
          <div key={key} className="message-field">
            <dt>{key}</dt>
            <dd>{fieldText(value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A message field as a person reads it: nested fields as 'name value' pairs, not JSON. */
function fieldText(value: unknown): string {
  if (typeof value === 'number') return String(Number(value.toPrecision(4)));
  if (value === null || typeof value !== 'object') return String(value);
  return Object.entries(value)
    .map(([key, inner]) => `${key} ${fieldText(inner)}`)
    .join(', ');
}

/** The first request a client sent in this frame, if one was sent. */
function sentRequest(frame: Frame): number | null {
  const h = frame.happened;
  for (let i = 0; i < h.count; i++) {
    const requestId = h.requestId[i];
    if (h.kind[i] === TRANSITION.sent && requestId !== undefined && requestId >= 0)
      return requestId;
  }
  return null;
}

function FollowButton() {
  const [waiting, setWaiting] = useState(false);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const follow = () => {
    stop.current?.();
    setWaiting(true);
    const pick = (frame: Frame) => {
      const requestId = sentRequest(frame);
      if (requestId === null) return;
      stop.current?.();
      stop.current = null;
      setWaiting(false);
      select({ kind: 'request', requestId });
    };
    stop.current = subscribeFrame(pick);
    const latest = getFrame();
    if (latest) pick(latest);
  };

  return (
    <button type="button" className="button" onClick={follow} aria-busy={waiting}>
      Follow a request
      {waiting && <span className="muted"> (waiting for the next one…)</span>}
    </button>
  );
}

const LOOP_LINES = [
  { line: 'pop', code: 'message = requestQueue.pop()', why: 'waits while the queue is empty' },
  { line: 'work', code: 'response = handle(message)', why: 'CPU, then I/O' },
  { line: 'push', code: 'responseQueue.push(response)', why: 'waits while it is full' },
] as const;

function ServiceLoop({ line }: { line: Inspection['loopLine'] }) {
  return (
    <section className="service-loop" aria-labelledby="service-loop-title">
      <h3 id="service-loop-title">Service loop</h3>
      <p className="muted">Every worker runs:</p>
      <pre className="code">
        <code>
          <span className="code-line">{'while (true) {'}</span>
          {LOOP_LINES.map((l) => (
            <span
              key={l.line}
              className={l.line === line ? 'code-line code-line-current' : 'code-line'}
              data-testid={`loop-${l.line}`}
              aria-current={l.line === line ? 'step' : undefined}
            >
              {'  '}
              {l.code}
              <span className="code-comment">{`  // ${l.line}: ${l.why}`}</span>
            </span>
          ))}
          <span className="code-line">{'}'}</span>
        </code>
      </pre>
      {line === null && <p className="muted">Select a worker in the picture to see its line.</p>}
    </section>
  );
}
