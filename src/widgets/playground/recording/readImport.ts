/**
 * A dropped or picked file, read in the browser (it is never sent anywhere), in a worker so that the page keeps
 * answering while a large file is parsed and checked.
 */
import { unpackTrace } from '../../../store/traceTransfer';
import type { ImportReply } from './importProtocol';
import { importText, type Imported, type ImportResult } from './importText';

export type { Imported, ImportResult, RecordingFacts } from './importText';

/** Bigger files are refused before they are read: a page should not hold hundreds of MB of JSON. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Reads the file in a worker, so that the page keeps answering while a large one is parsed and checked. */
function importInWorker(file: File): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      done();
      const reply = event.data;
      resolve(reply.ok ? { ok: true, value: { ...reply.value, trace: unpackTrace(reply.trace) } as Imported } : reply);
    };
    worker.onerror = (event) => {
      done();
      event.preventDefault();
      reject(new Error(event.message || 'the reading worker failed'));
    };
    worker.postMessage(file);
  });
}

export async function importFile(file: File): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES)
    return {
      ok: false,
      error: `${file.name}: is ${(file.size / 1048576).toFixed(0)} MB; at most 64 MB can be opened here`,
    };
  if (typeof Worker === 'function') {
    try {
      return await importInWorker(file);
    } catch {
      // A worker that cannot start (a browser without module workers) leaves the page to read the file itself.
    }
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, error: `${file.name}: cannot be read (${(e as Error).message})` };
  }
  return importText(text, file.name);
}
