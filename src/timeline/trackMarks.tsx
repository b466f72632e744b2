/**
 * What a track draws inside its plot: the line (queue depth, shared value) and its reference line in a viewBox
 * the width of the scene, stretched to the plot with strokes unscaled, path data shortened by compactPath.ts
 * (the line at its level of detail: steps a fraction of a pixel high merge into the slope they draw);
 * lost updates as marks placed in percent; the words at the plot's right edge.
 */
import type { Track } from './syncTracks';
import type { LostMark } from './sharedTrack';
import { compactPath, simplifyPath } from './compactPath';

/** How far (px, up or down) the drawn line may stray from the exact step line. */
export const LINE_TOLERANCE_PX = 0.25;

const pct = (x: number, width: number) => `${Math.round((x / width) * 100000) / 1000}%`;

export function Lines({ track, width }: { track: Track; width: number }) {
  const h = track.height;
  return (
    <svg viewBox={`0 0 ${width} ${h}`} preserveAspectRatio="none" width="100%" height={h} className="tl-track-lines">
      {track.kind === 'queue' && track.maxY !== null ? (
        <line
          className="tl-track-limit"
          x1={0}
          x2={width}
          y1={track.maxY}
          y2={track.maxY}
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
      {track.kind === 'shared' ? (
        <line
          className="tl-track-expected"
          x1={0}
          x2={width}
          y1={track.expectedY}
          y2={track.expectedY}
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
      {track.kind === 'latency' ? (
        <line
          className="tl-track-limit"
          x1={0}
          x2={width}
          y1={track.p95Y}
          y2={track.p95Y}
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
      {track.kind !== 'latency' ? (
        <path
          className="tl-track-line"
          d={simplifyPath(track.path, LINE_TOLERANCE_PX)}
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
      {track.kind === 'shared' && track.dots ? (
        <path className="tl-track-dots" d={compactPath(track.dots)} vectorEffect="non-scaling-stroke" />
      ) : null}
      {track.kind === 'latency' && track.dots ? (
        <path
          className="tl-track-dots tl-track-dots--latency"
          d={compactPath(track.dots)}
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
    </svg>
  );
}

/** A lost update: a cross in a ring, so it differs from a plain write in shape, not only colour. */
export function LostMarks({ marks, width }: { marks: readonly LostMark[]; width: number }) {
  return (
    <>
      {marks.map((m) => (
        <svg key={m.timeMs} x={pct(m.x, width)} y={m.y} overflow="visible" className="tl-lost" data-lost-ms={m.timeMs}>
          <title>{m.text}</title>
          <circle r={5.5} />
          <path d="M-3 -3L3 3M-3 3L3 -3" />
        </svg>
      ))}
    </>
  );
}

/** Text labels drawn at the plot's right edge ("maxsize 2", "expected 4", "p95"). */
export function EdgeLabel({ track }: { track: Track }) {
  const [y, text] =
    track.kind === 'queue'
      ? [track.maxY, track.maxY !== null ? `maxsize ${track.maxsize}` : null]
      : track.kind === 'shared'
        ? [track.expectedY, `expected ${track.expected}`]
        : [track.p95Y, 'p95'];
  if (y === null || !text) return null;
  return (
    <text className="tl-track-edge" x="100%" y={Math.max(9, y - 2)} dx={-3} textAnchor="end">
      {text}
    </text>
  );
}
