/**
 * The colours of Servicescope. Each state colour means one thing everywhere, in the moving
 * picture and in the charts: a thread running on a core is the same green in a lane and in the
 * CPU utilisation chart. The hues are Okabe and Ito's palette for colour-blind readers, nudged
 * lighter on the dark theme so they keep their contrast. Colour is never the only cue: every
 * state also has a mark (solid, outlined, striped, checked, a cross, a ring) that the picture and
 * the legend draw, so two states that some eyes see alike still look different.
 */

export type Theme = 'light' | 'dark';

/** The states a request, thread or core can be drawn in; the legend lists them in this order. */
export const STATE_KEYS = [
  'idle',
  'running',
  'waitingForCore',
  'io',
  'waitingToPush',
  'queued',
  'wire',
  'completed',
  'dropped',
  'timedOut',
] as const;
export type StateKey = (typeof STATE_KEYS)[number];

/**
 * How a state is drawn besides its colour. `outline`: an empty cell; `frame`: a thick border
 * round a pale fill; `stripes` and `checks`: patterned fills; `dot`, `cross` and `ring` mark
 * requests.
 */
export type Mark = 'outline' | 'solid' | 'frame' | 'stripes' | 'checks' | 'dot' | 'cross' | 'ring';

export interface StateStyle {
  key: StateKey;
  /** The words for the state on screen, in the legend and in chart labels. */
  label: string;
  color: string;
  mark: Mark;
}

export interface Palette {
  theme: Theme;
  states: Record<StateKey, StateStyle>;
  /** The page behind the picture; the canvas itself is left transparent. */
  background: string;
  /** Fill of machine boxes and the shared queue panel. */
  surface: string;
  outline: string;
  /** Border of an empty backlog or queue slot. */
  slot: string;
  /** Lines that connect clients, balancer and machines. */
  link: string;
  text: string;
  mutedText: string;
  /** A request held by a thread or the sender, drawn over the thread's state colour. */
  requestInk: string;
  /** Ring round the selected request or thread. */
  selection: string;
}

type StateColors = Record<StateKey, string>;

const LABELS: Record<StateKey, string> = {
  idle: 'idle',
  running: 'running on a core',
  waitingForCore: 'waiting for a core',
  io: 'in I/O',
  waitingToPush: 'waiting to push (queue full)',
  queued: 'queued',
  wire: 'on the wire',
  completed: 'completed',
  dropped: 'dropped',
  timedOut: 'timed out',
};

const MARKS: Record<StateKey, Mark> = {
  idle: 'outline',
  running: 'solid',
  waitingForCore: 'frame',
  io: 'stripes',
  waitingToPush: 'checks',
  queued: 'dot',
  wire: 'dot',
  completed: 'dot',
  dropped: 'cross',
  timedOut: 'ring',
};

// Okabe-Ito: bluish green #009E73, orange #E69F00, sky blue #56B4E9, yellow #F0E442,
// blue #0072B2, vermillion #D55E00, reddish purple #CC79A7, black.
const LIGHT_STATES: StateColors = {
  idle: '#aab3bf',
  running: '#009E73',
  waitingForCore: '#E69F00',
  io: '#56B4E9',
  waitingToPush: '#F0E442',
  queued: '#0072B2',
  wire: '#6b7480',
  completed: '#1d2330',
  dropped: '#D55E00',
  timedOut: '#CC79A7',
};

const DARK_STATES: StateColors = {
  idle: '#5d6878',
  running: '#1DB386',
  waitingForCore: '#EBA51A',
  io: '#62BCEE',
  waitingToPush: '#F0E442',
  queued: '#3D9BE0',
  wire: '#a3adba',
  completed: '#eef1f5',
  dropped: '#F0782E',
  timedOut: '#DB8FBB',
};

const LIGHT: Omit<Palette, 'states'> = {
  theme: 'light',
  background: '#ffffff',
  surface: '#f3f5f8',
  outline: '#8e98a6',
  slot: '#bcc4cf',
  link: '#c2c9d3',
  text: '#1d2330',
  mutedText: '#566070',
  requestInk: '#1d2330',
  selection: '#1d2330',
};

const DARK: Omit<Palette, 'states'> = {
  theme: 'dark',
  background: '#10141a',
  surface: '#19202a',
  outline: '#5a6677',
  slot: '#3f4a5a',
  link: '#364150',
  text: '#e8ecf1',
  mutedText: '#a0aab8',
  requestInk: '#f4f6f9',
  selection: '#ffffff',
};

function stylesFrom(colors: StateColors): Record<StateKey, StateStyle> {
  const entries = STATE_KEYS.map((key) => [
    key,
    { key, label: LABELS[key], color: colors[key], mark: MARKS[key] },
  ]);
  return Object.fromEntries(entries) as Record<StateKey, StateStyle>;
}

const PALETTES: Record<Theme, Palette> = {
  light: { ...LIGHT, states: stylesFrom(LIGHT_STATES) },
  dark: { ...DARK, states: stylesFrom(DARK_STATES) },
};

/** The colours for a theme; the same object every call, so it can be compared by identity. */
export function palette(theme: Theme): Palette {
  return PALETTES[theme];
}

/** The legend's entries, in order: one per state, with its label, colour and mark. */
export function legend(theme: Theme): StateStyle[] {
  const states = palette(theme).states;
  return STATE_KEYS.map((key) => states[key]);
}
