/** The shapes of a laid-out timeline (bands, rows, pooled lanes) and the options that size them. */
import type { LaneKind, Trace } from '../sim/types';
import type { TraceIndex } from './traceIndex';

export type ViewMode = 'task' | 'worker';

export interface Row {
  key: string;
  /** Lane label, or "tasks 1–112" for a group row. */
  label: string;
  kind: LaneKind;
  /** Lane indices (into trace.lanes) drawn in this row. */
  lanes: number[];
  /** Top, relative to the whole chart (px). */
  y: number;
  h: number;
  /** More than one lane in the row. */
  grouped: boolean;
  /** A lane taken out of its group for the window (unfold.ts). */
  unfolded?: boolean;
}

/**
 * A section of lanes grouped several to a row: where it sits, so that the lanes active in a narrow window can
 * come out of their groups within the same height (unfold.ts).
 */
export interface Pool {
  kind: LaneKind;
  /** Every lane of the section, in order. */
  lanes: number[];
  /** Its first row (index in band.rows) and how many rows it has in the folded layout. */
  firstRow: number;
  rowCount: number;
  y: number;
  h: number;
  /** Height of its group rows, and of a lane taken out of them, px. */
  rowH: number;
  laneH: number;
}

/** A label spanning several rows (when rows are too thin to label one by one). */
export interface LabelGroup {
  label: string;
  y: number;
  h: number;
}

export interface Band {
  index: number;
  trace: Trace;
  ix: TraceIndex;
  /** Top of the band (its header), px. */
  y: number;
  headerH: number;
  /** Total height including the header, px. */
  h: number;
  rows: Row[];
  groups: LabelGroup[];
  /** Sections of grouped lanes. */
  pools: Pool[];
  spanCount: number;
}

export interface TimelineLayout {
  view: ViewMode;
  bands: Band[];
  height: number;
  /** Shared time domain: the longest makespan. */
  domainMs: number;
  spanCount: number;
  rowCount: number;
  laneCount: number;
  /** Draw marks on Canvas (client) / as an LOD summary (server). */
  large: boolean;
  /** The folded layout this one was unfolded from for a window (unfold.ts); absent on a folded layout. */
  base?: TimelineLayout;
}

export interface LayoutOptions {
  /** Max height of the rows of one band, px (single trace). */
  maxBandHeight?: number;
  /** Max height of the rows of one band when several are stacked, px. */
  maxCompareBandHeight?: number;
  /**
   * Height several stacked bands aim to fit in together (headers, gaps and rows), px. Bands whose rows are
   * too thin to label anyway (many tasks) share it; labelled rows keep their label height.
   */
  maxStackHeight?: number;
  /** Height of a lane when there is room, px. */
  laneHeight?: number;
  /** Thinnest row before lanes are grouped, px. */
  minRowHeight?: number;
  headerHeight?: number;
  bandGap?: number;
  /** Thresholds for the large (Canvas) mode. */
  largeSpans?: number;
  largeLanes?: number;
}

export const LAYOUT_DEFAULTS: Required<LayoutOptions> = {
  maxBandHeight: 360,
  maxCompareBandHeight: 200,
  maxStackHeight: 420,
  laneHeight: 20,
  minRowHeight: 3,
  headerHeight: 26,
  bandGap: 10,
  largeSpans: 2000,
  largeLanes: 200,
};

/**
 * Tighter rows for a figure that has coordination tracks under its lanes (queue depths, shared values,
 * latency): lanes, band headers and the stack of compared bands give up a little height, so that the figure
 * fits a laptop's screen with its tracks open.
 */
export const COMPACT_LAYOUT: LayoutOptions = { laneHeight: 16, headerHeight: 22, bandGap: 8, maxStackHeight: 300 };

/** Rows this tall or more get a label each. */
export const LABEL_MIN_ROW = 12;

/** A span being inspected (hover or keyboard): band, index into band.ix.spans, where to show it. */
export interface SpanTarget {
  band: number;
  span: number;
  /** Percent of the plot width. */
  xPct: number;
  /** Px from the chart top (the row's top). */
  y: number;
}
