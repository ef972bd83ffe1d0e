/**
 * Sharing: the link that reproduces what is on screen, and a snippet that embeds it in slides or
 * a course page (no controls, one scenario, optional autoplay). Both have a Copy button.
 */
import { useState } from 'react';
import { ModalDialog } from './ModalDialog.tsx';
import { currentLink, pageAddress } from './urlState.ts';

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const [autoplay, setAutoplay] = useState(true);
  const link = currentLink({ embed: false, autoplay: false });
  const embedHash = currentLink({ embed: true, autoplay });
  const shareUrl = link ? pageAddress() + link : '';
  const snippet = embedHash
    ? `<iframe src="${pageAddress()}${embedHash}" width="960" height="540" ` +
      `title="Servicescope simulation" style="border:0" loading="lazy"></iframe>`
    : '';

  return (
    <ModalDialog titleId="share-title" className="share-dialog" onClose={onClose}>
      <h2 id="share-title">Share this view</h2>
      {!link && (
        <p className="refusal">
          This scenario is too large for a link. Export it as a file and share the file instead.
        </p>
      )}
      <CopyField label="Link" value={shareUrl} multiline={false} />
      <CopyField label="Embed snippet" value={snippet} multiline />
      <label className="checkbox">
        <input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.target.checked)} />
        Start playing as soon as the embedded page loads
      </label>
      <div className="dialog-buttons">
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

function CopyField({
  label,
  value,
  multiline,
}: {
  label: string;
  value: string;
  multiline: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const id = `share-${label.toLowerCase().replace(/\s+/g, '-')}`;
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} className="copy-value" readOnly value={value} rows={3} />
      ) : (
        <input id={id} className="copy-value" readOnly value={value} />
      )}
      <button type="button" className="button button-small" onClick={copy} disabled={!value}>
        {copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
      </button>
    </div>
  );
}
