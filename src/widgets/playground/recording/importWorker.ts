/**
 * Reads a dropped or picked file away from the page: parsing tens of megabytes of JSON, checking it and
 * deriving its workload would hold the page's thread for seconds. A file shaped like a scenario file is
 * checked here as one too (its size, the schema, the limits), so the page only receives the verdict. One
 * file per worker; the page ends the worker when the answer has come (or when a newer file replaces this one).
 */
import { packTrace, transferables } from '../../../store/traceTransfer';
import { readScenarioFile } from '../../../share/scenarioFile';
import { importText } from './importText';
import type { ImportReply } from './importProtocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<File>) => void) | null;
  postMessage(message: ImportReply, transfer: Transferable[]): void;
};

scope.onmessage = async (event) => {
  const file = event.data;
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    scope.postMessage({ ok: false, error: `${file.name}: cannot be read (${(e as Error).message})` }, []);
    return;
  }
  const result = importText(text, file.name);
  if (!result.ok) {
    scope.postMessage(result.scenarioFile ? { ...result, checked: await readScenarioFile(file) } : result, []);
    return;
  }
  const { trace, ...rest } = result.value;
  const packed = packTrace(trace);
  scope.postMessage({ ok: true, value: rest, trace: packed }, transferables([packed]));
};
