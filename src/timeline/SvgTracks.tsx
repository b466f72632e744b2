/**
 * The coordination tracks as a picture: under the lanes, one row per queue (depth, with its maxsize),
 * per shared variable (its value after each write, lost updates marked ×) and, for arrivals, the latency
 * strip; then the deadlock sentence. Pure and SSR-safe: lines are drawn in a viewBox the width of the
 * scene (stretched to the plot, strokes unscaled, path data shortened by compactPath.ts), marks are placed
 * in percent, and every track says in text what it shows (a focusable group described by it, lost updates
 * listed one by one). Rows are thin; comparing models, each row's label is its model's title over the
 * track's brief, the track's name inside the plot. The caller may fold the tracks behind a disclosure
 * summed up in a line. While a gesture moves the window of a figure drawn on a Canvas, the lines go to a
 * canvas per row (tracksCanvas.ts), redrawn each frame, and the words stay as they were until it settles.
 */
import { type ReactNode, type Ref } from 'react';
import type { BandTracks, Track } from './syncTracks';
import { EdgeLabel, Lines, LostMarks } from './trackMarks';
import { shortModelLabel } from './shortLabel';

const LIST_MAX = 12;

/** The key of a track among a figure's tracks (band, kind and name), for a canvas drawing its lines. */
export function trackKey(band: number, track: Pick<Track, 'kind' | 'name'>): string {
  return `${band}:${track.kind}:${track.name}`;
}

/** Receives the canvas that draws a track's lines (null when it goes), keyed by trackKey. */
export type LineCanvasRef = (key: string, canvas: HTMLCanvasElement | null) => void;

interface RowProps {
  track: Track;
  width: number;
  id: string;
  sealed: boolean;
  /** Draw the lines on a canvas (the caller draws it) instead of in the SVG. */
  lineCanvas?: (canvas: HTMLCanvasElement | null) => void;
  /** The band's title when several models are compared: it heads the row's label, the track's name moves into the plot. */
  band?: string;
}

function TrackRow({ track, width, id, sealed, band, lineCanvas }: RowProps) {
  const lost = track.kind === 'shared' && !sealed ? track.lost : [];
  const lostCount = track.kind === 'shared' && !sealed ? track.lostInView : 0;
  return (
    <div
      className={`tl-track tl-track--${track.kind}`}
      role="group"
      tabIndex={0}
      aria-label={track.label}
      aria-describedby={`${id}-text`}
      data-track={track.label}
    >
      <div
        className="tl-track-label"
        aria-hidden="true"
        style={{ height: track.height }}
        title={band ? `${band}: ${track.label}` : track.label}
      >
        <span className={band ? 'tl-track-name tl-track-model' : 'tl-track-name'} data-short={shortModelLabel(band)}>
          {band ?? track.label}
        </span>
        <span className="tl-track-brief">{track.brief}</span>
      </div>
      <div className="tl-track-plot" style={{ height: track.height }}>
        {lineCanvas ? (
          <canvas
            ref={lineCanvas}
            className="tl-track-canvas"
            aria-hidden="true"
            style={{ position: 'absolute', inset: 0, display: 'block', width: '100%', height: track.height }}
          />
        ) : null}
        <svg className="tl-track-svg" width="100%" height={track.height} aria-hidden="true">
          {lineCanvas ? null : <Lines track={track} width={width} />}
          {band ? (
            <text className="tl-track-tag" x={3} y={9}>
              {track.label}
            </text>
          ) : null}
          <EdgeLabel track={track} />
          {lineCanvas ? null : <LostMarks marks={lost} width={width} />}
        </svg>
      </div>
      <p className="tl-visually-hidden" id={`${id}-text`}>
        {sealed ? `${track.label}: shown once you answer the question above` : track.text}
      </p>
      {lostCount > 0 ? (
        <ul className="tl-visually-hidden" aria-label={`lost updates of ${track.name} in view`}>
          {lost.slice(0, LIST_MAX).map((m) => (
            <li key={m.timeMs}>{m.text}</li>
          ))}
          {lostCount > Math.min(lost.length, LIST_MAX) ? (
            <li>and {lostCount - Math.min(lost.length, LIST_MAX)} more</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

/** How many track rows the bands have, all together. */
export function trackRows(bands: readonly BandTracks[]): number {
  return bands.reduce((n, b) => n + b.tracks.length, 0);
}

/**
 * The tracks in one line, for the summary of the folded box: what they are, and (once the figure has
 * nothing to hide) what each model's track ends at, "shared x: Threads (GIL) 1, expected 2 · asyncio 2, expected 2".
 */
export function tracksSummary(bands: readonly BandTracks[], titles: readonly string[] = [], sealed = false): string {
  const names: string[] = [];
  for (const b of bands) for (const t of b.tracks) if (!names.includes(t.label)) names.push(t.label);
  const compare = bands.length > 1;
  const parts = names.map((name) => {
    const rows = bands.flatMap((b) => b.tracks.filter((t) => t.label === name).map((t) => ({ b, t })));
    if (sealed) return compare ? `${name}, ${rows.length === 1 ? 'one model' : `${rows.length} models`}` : name;
    const briefs = rows.map(({ b, t }) => (compare && titles[b.band] ? `${titles[b.band]} ${t.brief}` : t.brief));
    return `${name}: ${briefs.join(' · ')}`;
  });
  return `Tracks — ${parts.join('; ')}`;
}

/** The tracks box folded behind a disclosure (a figure that would not fit the screen with them open). */
export interface TracksFold {
  open: boolean;
  onToggle: (open: boolean) => void;
}

export interface SvgTracksProps {
  bands: readonly BandTracks[];
  /** Width of the scene the tracks were computed at (px). */
  width: number;
  uid: string;
  /** Band titles, shown above each band's tracks when there are several. */
  titles?: readonly string[];
  /** Drawn over the tracks' plot column (the veil and playhead line of the interactive figure). */
  playhead?: ReactNode;
  /** The figure waits for a prediction: no outcome in words (values, lost updates, the deadlock). */
  sealed?: boolean;
  /** Fold the tracks (not the deadlock sentence) behind a disclosure whose summary says them in a line. */
  fold?: TracksFold;
  /** The disclosure's element, for a caller that measures it. */
  foldRef?: Ref<HTMLDetailsElement>;
  /** Lines drawn on canvases by the caller (while the chart's marks are on a Canvas): receives them by key. */
  lineCanvas?: LineCanvasRef;
}

interface FoldedProps {
  fold?: TracksFold;
  foldRef?: Ref<HTMLDetailsElement>;
  summary: string;
  children: ReactNode;
}

function Folded({ fold, foldRef, summary, children }: FoldedProps) {
  if (!fold) return <>{children}</>;
  return (
    <details
      className="tl-tracks-fold"
      open={fold.open}
      ref={foldRef}
      onToggle={(e) => fold.onToggle(e.currentTarget.open)}
    >
      <summary className="tl-tracks-summary" title={summary}>
        <span className="tl-tracks-summary-text">{summary}</span>
      </summary>
      {children}
    </details>
  );
}

export function SvgTracks({
  bands,
  width,
  uid,
  titles,
  playhead,
  sealed = false,
  fold,
  foldRef,
  lineCanvas,
}: SvgTracksProps) {
  const compare = bands.length > 1;
  const any = bands.some((b) => b.tracks.length > 0);
  const deadlocks = bands.filter((b) => b.deadlock);
  if (!any && deadlocks.length === 0) return null;
  return (
    <div className="tl-tracks-box">
      {any ? (
        <Folded fold={fold} foldRef={foldRef} summary={tracksSummary(bands, titles, sealed)}>
          <div className="tl-tracks">
            {bands.map((b) =>
              b.tracks.length ? (
                <div className="tl-track-group" key={b.band}>
                  {b.tracks.map((t, i) => (
                    <TrackRow
                      key={`${t.kind}:${t.name}`}
                      track={t}
                      width={width}
                      id={`${uid}-tr${b.band}-${i}`}
                      sealed={sealed}
                      band={compare ? (titles?.[b.band] ?? '') : undefined}
                      lineCanvas={lineCanvas ? (el) => lineCanvas(trackKey(b.band, t), el) : undefined}
                    />
                  ))}
                  {b.deadlock?.inView ? (
                    <div className="tl-tracks-overlay" aria-hidden="true">
                      <div className="tl-deadlock-line" style={{ left: `${b.deadlock.xPct}%` }} />
                    </div>
                  ) : null}
                </div>
              ) : null,
            )}
            <div className="tl-tracks-overlay" aria-hidden="true">
              {playhead}
            </div>
          </div>
        </Folded>
      ) : null}
      {(sealed ? [] : deadlocks).map((b) => (
        <p key={b.band} className="tl-deadlock" data-deadlock-ms={b.deadlock?.atMs}>
          <span className="tl-deadlock-sign" aria-hidden="true">
            ⊘
          </span>{' '}
          {compare && titles?.[b.band] ? `${titles[b.band]}: ` : ''}
          {b.deadlock?.sentence}
        </p>
      ))}
    </div>
  );
}
