export { Timeline, prepareTimeline, parseModels, DEFAULT_MODELS } from './Timeline';
export type { TimelineProps } from './Timeline';
export { TimelineView } from './TimelineView';
export { TimelineErrorBoundary, TimelineError } from './ErrorBoundary';
