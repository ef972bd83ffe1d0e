/**
 * The screen: the playback bar on top; the controls on the left, grouped as the model is; the
 * moving picture as the hero in the middle with its legend and the charts below it; the headline
 * figures and the inspector on the right. The page's colours come from the same palette as the
 * picture's, for the theme the reader's system asks for.
 */
import type { CSSProperties } from 'react';
import { Charts } from '../viz/charts/Charts.tsx';
import { palette, type Theme } from '../viz/palette.ts';
import { ControlPanel } from './ControlPanel.tsx';
import { CrashBanner } from './CrashBanner.tsx';
import { Headline, WhereRequestsAre } from './Headline.tsx';
import { Inspector } from './Inspector.tsx';
import { Legend } from './Legend.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { PlaybackBar } from './PlaybackBar.tsx';
import { TopologyView } from './TopologyView.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { useReducedMotion, useTheme } from './useTheme.ts';
import './app.css';

export function App() {
  const theme = useTheme();
  const reducedMotion = useReducedMotion();
  return (
    <div className={`app theme-${theme}`} style={themeVariables(theme)}>
      <header className="topbar">
        <h1 className="brand">Servicescope</h1>
        <PlaybackBar />
      </header>
      <CrashBanner />
      <PanelBoundary name="controls">
        <ControlPanel />
      </PanelBoundary>
      {/* Focusable so that keyboard users can scroll the charts, which hold no controls. */}
      <main className="stage" tabIndex={0} aria-label="Picture and charts">
        <PanelBoundary name="picture">
          <TopologyView theme={theme} reducedMotion={reducedMotion} />
        </PanelBoundary>
        <Legend theme={theme} />
        <section className="charts-section" aria-labelledby="charts-title">
          <h2 id="charts-title">Over time</h2>
          <Charts theme={theme} />
        </section>
      </main>
      <aside className="rail" aria-label="Figures and inspector">
        <PanelBoundary name="headline">
          <Headline />
        </PanelBoundary>
        <PanelBoundary name="inspector">
          <Inspector />
        </PanelBoundary>
        <PanelBoundary name="stages">
          <WhereRequestsAre />
        </PanelBoundary>
      </aside>
      <UpdatePrompt />
    </div>
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
