export { createTimelineStore, deriveTraces, SPEEDS } from './timelineStore';
export type { HoverTarget, SimulateFn, TimelineInit, TimelineState, TimelineStore } from './timelineStore';
export { startPlayback, passSeconds } from './playback';
export { TimelineStoreProvider, useTimelineApi, useTimelineStore } from './context';
