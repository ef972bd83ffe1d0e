/**
 * The lesson beside the picture: a picker, the idea in a paragraph, the steps with the current
 * one open (what to change, what to watch, what to notice), and previous / next. The figures a
 * step points at are highlighted in the headline strip by their names.
 */
import { LESSONS, lessonById } from '../../lessons/catalogue.ts';
import type { Lesson, Watch } from '../../lessons/types.ts';
import { useLesson } from '../../state/lesson.ts';
import { closeLesson, goToStep, nextStep, openLesson, previousStep } from './lessonActions.ts';

const WATCH_WORDS: Record<Watch, string> = {
  throughput: 'throughput',
  p50: 'p50 latency',
  p99: 'p99 latency',
  dropped: 'drops',
  timeouts: 'timeouts',
  cpu: 'CPU',
  queue: 'queue length',
  inflight: 'in flight',
  completed: 'completed',
};

export function LessonPicker() {
  const lessonId = useLesson((s) => s.lessonId);
  return (
    <div className="control lesson-picker">
      <div className="control-row control-row-stacked">
        <label htmlFor="lesson-picker">Lesson</label>
        <select
          id="lesson-picker"
          className="select"
          value={lessonId ?? ''}
          onChange={(e) => {
            if (e.target.value) void openLesson(e.target.value);
            else closeLesson();
          }}
        >
          <option value="">No lesson: free play</option>
          {LESSONS.map((l, i) => (
            <option key={l.id} value={l.id}>
              {i + 1}. {l.title}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function LessonPanel() {
  const lessonId = useLesson((s) => s.lessonId);
  const step = useLesson((s) => s.step);
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  if (!lesson) return null;
  return (
    <section className="lesson" aria-labelledby="lesson-title">
      <p className="lesson-number">
        Lesson {LESSONS.indexOf(lesson) + 1} of {LESSONS.length}
      </p>
      <h2 id="lesson-title">{lesson.title}</h2>
      <p className="lesson-explanation">{lesson.explanation}</p>
      <StepList lesson={lesson} step={step} />
      <StepNavigation lesson={lesson} step={step} />
    </section>
  );
}

function StepList({ lesson, step }: { lesson: Lesson; step: number }) {
  return (
    <ol className="lesson-steps">
      {lesson.steps.map((s, k) => (
        <li key={s.title} className={k === step ? 'lesson-step current' : 'lesson-step'}>
          <button
            type="button"
            className="lesson-step-title"
            aria-current={k === step ? 'step' : undefined}
            onClick={() => void goToStep(k)}
          >
            Step {k + 1}: {s.title}
          </button>
          {k === step && (
            <div className="lesson-step-body" data-testid="lesson-step">
              <p>{s.text}</p>
              {s.watch.length > 0 && (
                <p className="lesson-watch">
                  <strong>Watch:</strong> {s.watch.map((w) => WATCH_WORDS[w]).join(', ')}
                </p>
              )}
              <p className="lesson-notice">
                <strong>Notice:</strong> {s.notice}
              </p>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function StepNavigation({ lesson, step }: { lesson: Lesson; step: number }) {
  const last = lesson.steps.length - 1;
  const index = LESSONS.indexOf(lesson);
  const nextLesson = LESSONS[index + 1];
  return (
    <div className="lesson-nav">
      <button
        type="button"
        className="button"
        disabled={step === 0}
        onClick={() => void previousStep()}
      >
        Previous step
      </button>
      {step < last ? (
        <button type="button" className="button button-primary" onClick={() => void nextStep()}>
          Next step
        </button>
      ) : nextLesson ? (
        <button
          type="button"
          className="button button-primary"
          onClick={() => void openLesson(nextLesson.id)}
        >
          Next lesson
        </button>
      ) : (
        <button type="button" className="button" onClick={closeLesson}>
          Finish
        </button>
      )}
    </div>
  );
}

/** The figures the open step points at, for the headline strip to highlight. */
export function useWatched(): ReadonlySet<Watch> {
  const lessonId = useLesson((s) => s.lessonId);
  const step = useLesson((s) => s.step);
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  return new Set(lesson?.steps[step]?.watch ?? []);
}
