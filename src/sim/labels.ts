import type { ModelId } from './types';

export const MODEL_LABELS: Record<ModelId, string> = {
  sequential: 'Sequential',
  asyncio: 'asyncio',
  threads: 'Threads (GIL)',
  'free-threading': 'Free-threaded',
  processes: 'Processes',
  subinterpreters: 'Subinterpreters',
};
