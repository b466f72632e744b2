/** What the import worker answers: the imported file without its trace, and the trace as typed columns. */
import type { PackedTrace } from '../../../store/traceTransfer';
import type { Imported, ImportResult } from './importText';

type WithoutTrace<T> = T extends unknown ? Omit<T, 'trace'> : never;

export type ImportReply =
  { ok: true; value: WithoutTrace<Imported>; trace: PackedTrace } | Extract<ImportResult, { ok: false }>;
