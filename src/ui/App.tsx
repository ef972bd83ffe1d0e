/**
 * The screen: the playback bar on top; the lesson and the controls on the left, grouped as the
 * model is; the moving picture as the hero in the middle with its legend and the charts below
 * it; the headline figures, the inspector and files on the right. The page's colours come from
 * the same palette as the picture's. Two variants: presentation mode (larger type and dots, only
 * the controls a lesson step needs) and embed mode (the picture and its figures alone, for slides
 * and course pages).
 */
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { lessonById } from '../lessons/catalogue.ts';
import { useLesson } from '../state/lesson.ts';
import { Charts } from '../viz/charts/Charts.tsx';
import { palette, type Theme } from '../viz/palette.ts';
import { ControlPanel } from './ControlPanel.tsx';
import { ControlFilter } from './controls/controlFilter.ts';
import { CrashBanner } from './CrashBanner.tsx';
import { FileMenu } from './FileMenu.tsx';
import { Headline, WhereRequestsAre } from './Headline.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { Inspector } from './Inspector.tsx';
import { Legend } from './Legend.tsx';
import { LessonPanel, useWatched } from './lessons/LessonPanel.tsx';
import { LinkProblem } from './LinkProblem.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { PlaybackBar } from './PlaybackBar.tsx';
import { followFullscreen, togglePresenting } from './presentation.ts';
import { ShareDialog } from './ShareDialog.tsx';
import { shortcuts } from './shortcuts.ts';
import { TopologyView } from './TopologyView.tsx';
import { TopTools } from './TopTools.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { pageAddress, useUrlSync } from './urlState.ts';
import { useShortcuts } from './useShortcuts.ts';
import { useReducedMotion, useTheme } from './useTheme.ts';
import './app.css';
import './lessons/lessons.css';

export interface AppProps {
  embed: boolean;
  /** Why the address's link could not be opened, if it could not. */
  linkProblem: string[] | null;
}

export function App({ embed, linkProblem }: AppProps) {
  const theme = useTheme();
  const reducedMotion = useReducedMotion();
  const presenting = useLesson((s) => s.presenting);
  const [dialog, setDialog] = useState<'share' | 'help' | null>(null);
  const list = useMemo(
    () =>
      shortcuts({
        togglePresenting,
        toggleHelp: () => setDialog((d) => (d === 'help' ? null : 'help')),
      }),
    [],
  );
  useShortcuts(list, dialog === null);
  useUrlSync(embed);
  useEffect(followFullscreen, []);

  const classes = ['app', `theme-${theme}`, presenting ? 'presenting' : '', embed ? 'embed' : ''];
  const dotScale = presenting ? 1.6 : 1;
  if (embed) {
    return (
      <div className={classes.join(' ')} style={themeVariables(theme)}>
        <header className="topbar">
          <PlaybackBar />
          <a className="button" href={pageAddress()} target="_blank" rel="noreferrer">
            Open in Servicescope
          </a>
        </header>
        <CrashBanner />
        <main className="stage" aria-label="Picture">
          <TopologyView theme={theme} reducedMotion={reducedMotion} dotScale={dotScale} />
          <Legend theme={theme} />
        </main>
        <aside className="rail" aria-label="Figures">
          <Headline watched={NOTHING} />
        </aside>
      </div>
    );
  }

  return (
    <div className={classes.join(' ')} style={themeVariables(theme)}>
      <header className="topbar">
        <h1 className="brand">Servicescope</h1>
        <PlaybackBar />
        <TopTools
          onShare={() => setDialog('share')}
          onHelp={() => setDialog('help')}
          onPresent={togglePresenting}
        />
      </header>
      <div className="banners">
        <CrashBanner />
        <LinkProblem problem={linkProblem} />
      </div>
      <PanelBoundary name="lesson and controls">
        <LeftColumn presenting={presenting} />
      </PanelBoundary>
      {/* Focusable so that keyboard users can scroll the charts, which hold no controls. */}
      <main className="stage" tabIndex={0} aria-label="Picture and charts">
        <PanelBoundary name="picture">
          <TopologyView theme={theme} reducedMotion={reducedMotion} dotScale={dotScale} />
        </PanelBoundary>
        <Legend theme={theme} />
        <section className="charts-section" aria-labelledby="charts-title">
          <h2 id="charts-title">Over time</h2>
          <Charts theme={theme} />
        </section>
      </main>
      <aside className="rail" aria-label="Figures and inspector">
        <PanelBoundary name="headline">
          <WatchedHeadline />
        </PanelBoundary>
        <PanelBoundary name="inspector">
          <Inspector />
        </PanelBoundary>
        <PanelBoundary name="stages">
          <WhereRequestsAre />
        </PanelBoundary>
        {!presenting && (
          <PanelBoundary name="files">
            <FileMenu />
          </PanelBoundary>
        )}
      </aside>
      {dialog === 'share' && <ShareDialog onClose={() => setDialog(null)} />}
      {dialog === 'help' && <HelpOverlay list={list} onClose={() => setDialog(null)} />}
      <UpdatePrompt />
    </div>
  );
}

const NOTHING: ReadonlySet<string> = new Set();

function WatchedHeadline() {
  return <Headline watched={useWatched()} />;
}

/** The lesson (when one is open) above the controls; presenting, only the step's controls. */
function LeftColumn({ presenting }: { presenting: boolean }) {
  const lessonId = useLesson((s) => s.lessonId);
  const step = useLesson((s) => s.step);
  const only = useMemo(() => {
    const lesson = lessonId ? lessonById(lessonId) : undefined;
    if (!presenting || !lesson) return null;
    return new Set<string>(lesson.steps[step]?.controls ?? []);
  }, [presenting, lessonId, step]);
  return (
    <ControlFilter.Provider value={only}>
      <ControlPanel lesson={<LessonPanel />} compact={presenting} />
    </ControlFilter.Provider>
  );
}

/** The palette's page colours as CSS variables, so the page and the canvas agree. */
function themeVariables(theme: Theme): CSSProperties {
  const p = palette(theme);
  return {
    '--bg': p.background,
    '--surface': p.surface,
    '--outline': p.outline,
    '--text': p.text,
    '--muted': p.mutedText,
    '--drop': p.states.dropped.color,
    '--running': p.states.running.color,
    '--queued': p.states.queued.color,
  } as CSSProperties;
}
