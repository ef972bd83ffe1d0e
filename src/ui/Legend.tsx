/**
 * The legend under the picture: one entry per state, drawn with the colour and the mark the
 * picture uses for it, so a state can be told apart by shape as well as by colour.
 */
import { legend, type Mark, type Theme } from '../viz/palette.ts';

export function Legend({ theme }: { theme: Theme }) {
  return (
    <ul className="legend" aria-label="Legend">
      {legend(theme).map((entry) => (
        <li key={entry.key}>
          <Swatch mark={entry.mark} colour={entry.color} id={`legend-${entry.key}`} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

function Swatch({ mark, colour, id }: { mark: Mark; colour: string; id: string }) {
  return (
    <svg className="legend-swatch" width="18" height="14" viewBox="0 0 18 14" aria-hidden="true">
      <MarkShape mark={mark} colour={colour} id={id} />
    </svg>
  );
}

function MarkShape({ mark, colour, id }: { mark: Mark; colour: string; id: string }) {
  switch (mark) {
    case 'outline':
      return <rect x="1.5" y="1.5" width="15" height="11" rx="2" fill="none" stroke={colour} />;
    case 'solid':
      return <rect x="1" y="1" width="16" height="12" rx="2" fill={colour} />;
    case 'frame':
      return (
        <rect
          x="2"
          y="2"
          width="14"
          height="10"
          rx="2"
          fill={colour}
          fillOpacity="0.3"
          stroke={colour}
          strokeWidth="2.5"
        />
      );
    case 'stripes':
      return <Patterned id={id} colour={colour} lines="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" />;
    case 'checks':
      return <Patterned id={id} colour={colour} lines="" checks />;
    case 'dot':
      return <circle cx="9" cy="7" r="4.5" fill={colour} />;
    case 'cross':
      return <path d="M4,2 L14,12 M14,2 L4,12" stroke={colour} strokeWidth="2.5" />;
    case 'ring':
      return <circle cx="9" cy="7" r="4.5" fill="none" stroke={colour} strokeWidth="2" />;
  }
}

function Patterned(props: { id: string; colour: string; lines: string; checks?: boolean }) {
  const { id, colour, lines, checks } = props;
  return (
    <>
      <defs>
        <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={colour} fillOpacity="0.35" />
          {checks ? (
            <>
              <rect width="4" height="4" fill={colour} />
              <rect x="4" y="4" width="4" height="4" fill={colour} />
            </>
          ) : (
            <path d={lines} stroke={colour} strokeWidth="2" />
          )}
        </pattern>
      </defs>
      <rect x="1" y="1" width="16" height="12" rx="2" fill={`url(#${id})`} stroke={colour} />
    </>
  );
}
