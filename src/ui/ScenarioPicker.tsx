/**
 * The bundled example scenarios, one choice away, with the description of the one loaded. A
 * lecturer switches between them to tell a story: a burst, a queue that absorbs it, a retry storm.
 */
import { loadScenario, play, useSession } from '../state/session.ts';
import { closeLesson } from './lessons/lessonActions.ts';
import type { Result } from '../worker/protocol.ts';

interface Example {
  file: string;
  name: string;
  raw: unknown;
}

const files = import.meta.glob<unknown>('../../scenarios/*.json', {
  eager: true,
  import: 'default',
});

const EXAMPLES: Example[] = Object.entries(files)
  .map(([path, raw]) => ({ file: fileName(path), name: nameOf(raw) ?? fileName(path), raw }))
  .sort((a, b) => a.name.localeCompare(b.name));

function fileName(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.json$/, '');
}

function nameOf(raw: unknown): string | null {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : null;
}

async function loadExample(file: string): Promise<Result<unknown>> {
  const example = EXAMPLES.find((e) => e.file === file);
  if (!example) return { ok: false, errors: [`scenario: no example called ${file}`] };
  const wasPlaying = useSession.getState().playing;
  const result = await loadScenario(example.raw);
  if (result.ok) closeLesson();
  if (result.ok && wasPlaying) play();
  return result;
}

export function ScenarioPicker() {
  const loaded = useSession((s) => s.loaded);
  const current = EXAMPLES.find((e) => e.name === loaded?.name);
  return (
    <div className="scenario-picker">
      <div className="control-row control-row-stacked">
        <label htmlFor="control-scenario">Scenario</label>
        <select
          id="control-scenario"
          className="select"
          value={current?.file ?? ''}
          onChange={(e) => void loadExample(e.target.value)}
        >
          {!current && <option value="">{loaded?.name ?? 'Your own scenario'}</option>}
          {EXAMPLES.map((e) => (
            <option key={e.file} value={e.file}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      {loaded?.description && <p className="scenario-description">{loaded.description}</p>}
    </div>
  );
}
