/**
 * Files in and out: import a scenario file (checked like every other input, with the field and
 * rule named when it is refused, and the current run kept), export the scenario being run, the
 * metric history as CSV or JSON, and the charts as SVG or PNG.
 */
import { useRef, useState } from 'react';
import { parseScenarioText } from '../engine/scenario/validate.ts';
import { historyToCsv, historyToJson } from '../state/exportData.ts';
import { useHistory } from '../state/history.ts';
import { closeLesson } from './lessons/lessonActions.ts';
import { loadScenario, play, useSession } from '../state/session.ts';
import { chartsAsSvg, svgToPng } from './chartExport.ts';
import { downloadBlob, downloadText, fileStem } from './download.ts';

type Message = { kind: 'ok' | 'error'; lines: string[] } | null;

export function FileMenu() {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message>(null);
  const scenario = useSession((s) => s.scenario);
  const history = useHistory((s) => s.history);
  const stem = fileStem(scenario?.name);

  async function importFile(file: File) {
    const parsed = parseScenarioText(await file.text());
    if (!parsed.ok) {
      setMessage({ kind: 'error', lines: [`${file.name} was not loaded:`, ...parsed.errors] });
      return;
    }
    const loaded = await loadScenario(parsed.value);
    if (!loaded.ok) {
      setMessage({ kind: 'error', lines: [`${file.name} was not loaded:`, ...loaded.errors] });
      return;
    }
    closeLesson();
    play();
    setMessage({ kind: 'ok', lines: [`Loaded ${file.name}.`] });
  }

  function exportCharts(format: 'svg' | 'png') {
    const root = document.querySelector('.charts');
    if (!root) return setMessage({ kind: 'error', lines: ['There are no charts to export yet.'] });
    const { svg, width, height } = chartsAsSvg(root);
    if (format === 'svg') return downloadText(`${stem}-charts.svg`, svg, 'image/svg+xml');
    svgToPng(svg, width, height).then(
      (blob) => downloadBlob(`${stem}-charts.png`, blob),
      (error: unknown) =>
        setMessage({ kind: 'error', lines: [`PNG export failed: ${String(error)}`] }),
    );
  }

  return (
    <section className="file-menu" aria-labelledby="files-title">
      <h2 id="files-title" className="rail-title">
        Files
      </h2>
      <div className="file-buttons">
        <label className="button button-small file-import">
          Import scenario
          <input
            ref={input}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <SmallButton
          label="Export scenario"
          onClick={scenario && (() => downloadText(`${stem}.json`, asJson(scenario), JSON_TYPE))}
        />
        <SmallButton
          label="Export CSV"
          onClick={
            history &&
            (() => downloadText(`${stem}-metrics.csv`, historyToCsv(history), 'text/csv'))
          }
        />
        <SmallButton
          label="Export JSON"
          onClick={
            history &&
            (() =>
              downloadText(
                `${stem}-metrics.json`,
                historyToJson(history, scenario?.name),
                JSON_TYPE,
              ))
          }
        />
        <SmallButton label="Charts as SVG" onClick={() => exportCharts('svg')} />
        <SmallButton label="Charts as PNG" onClick={() => exportCharts('png')} />
      </div>
      {message && (
        <div
          className={message.kind === 'error' ? 'file-message refusal' : 'file-message'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </section>
  );
}

const JSON_TYPE = 'application/json';

function asJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A small button, disabled while there is nothing for it to do (`onClick` null). */
function SmallButton({ label, onClick }: { label: string; onClick: (() => void) | null }) {
  return (
    <button
      type="button"
      className="button button-small"
      disabled={!onClick}
      onClick={onClick ?? undefined}
    >
      {label}
    </button>
  );
}
