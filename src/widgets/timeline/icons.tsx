/**
 * Small inline icons for the playback and zoom buttons (decorative; buttons carry the names). On a built
 * page each is drawn once, as a <symbol> in the page's hidden SVG (IconSymbols, written by the prerender
 * with the patterns: patternsOnPage.ts), and every button shows it with a <use>; elsewhere (the dev server,
 * a test) each button draws its own.
 */
import { useContext, type SVGProps } from 'react';
import { PatternsOnPage } from '../../timeline/patternsOnPage';

const P = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

const FILL = { fill: 'currentColor' } as const;
const STROKE = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

/** Each icon's one path, in a 16 × 16 box. */
const ICONS: Record<string, SVGProps<SVGPathElement>> = {
  play: { d: 'M4 2.5v11l9-5.5z', ...FILL },
  pause: { d: 'M4 2.5h3v11H4zM9 2.5h3v11H9z', ...FILL },
  'step-back': { d: 'M3 3h2v10H3zM13 3v10L6 8z', ...FILL },
  'step-forward': { d: 'M11 3h2v10h-2zM3 3v10l7-5z', ...FILL },
  start: { d: 'M2 3h2v10H2zM9 3v10L4 8zM15 3v10L10 8z', ...FILL },
  end: { d: 'M12 3h2v10h-2zM7 3v10l5-5zM1 3v10l5-5z', ...FILL },
  loop: { d: 'M3 7a4 4 0 0 1 4-4h4.5M13 9a4 4 0 0 1-4 4H4.5M10 1l2 2-2 2M6 11l-2 2 2 2', ...STROKE },
  'zoom-in': {
    d: 'M7 2a5 5 0 1 0 3 9l3.5 3.5 1-1L11 10A5 5 0 0 0 7 2zm0 1.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM6.3 5v1.3H5v1.4h1.3V9h1.4V7.7H9V6.3H7.7V5z',
    ...FILL,
  },
  'zoom-out': {
    d: 'M7 2a5 5 0 1 0 3 9l3.5 3.5 1-1L11 10A5 5 0 0 0 7 2zm0 1.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM5 6.3v1.4h4V6.3z',
    ...FILL,
  },
  fit: { d: 'M1 3h1.5v10H1zM13.5 3H15v10h-1.5zM4 7.25h8v1.5H4zM4 8l2.5-2.5v5zM12 8 9.5 5.5v5z', ...FILL },
};

export const iconId = (name: string) => `tl-i-${name}`;

/**
 * Every icon as a <symbol>, for the page's hidden SVG. A filled icon's path leaves its fill to the <use>
 * showing it, which inherits the button's colour (`.tl-btn > svg`, timeline.css).
 */
export function IconSymbols() {
  return Object.entries(ICONS).map(([name, { fill, ...path }]) => (
    <symbol key={name} id={iconId(name)} viewBox={P.viewBox}>
      <path {...(fill === FILL.fill ? path : { fill, ...path })} />
    </symbol>
  ));
}

/**
 * The symbol has the icon's box: a <use> of it needs only the size, which the stylesheet gives (`.tl-btn > svg`,
 * timeline.css), and stays hidden from assistive tech.
 */
function Icon({ name }: { name: keyof typeof ICONS }) {
  const onPage = useContext(PatternsOnPage);
  return onPage ? (
    <svg aria-hidden="true">
      <use href={`#${iconId(name)}`} />
    </svg>
  ) : (
    <svg {...P}>
      <path {...ICONS[name]} />
    </svg>
  );
}

export const IconPlay = () => <Icon name="play" />;
export const IconPause = () => <Icon name="pause" />;
export const IconStepBack = () => <Icon name="step-back" />;
export const IconStepForward = () => <Icon name="step-forward" />;
export const IconStart = () => <Icon name="start" />;
export const IconEnd = () => <Icon name="end" />;
export const IconLoop = () => <Icon name="loop" />;
export const IconZoomIn = () => <Icon name="zoom-in" />;
export const IconZoomOut = () => <Icon name="zoom-out" />;
export const IconFit = () => <Icon name="fit" />;
