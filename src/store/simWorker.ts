/// <reference lib="webworker" />
/** The page's simulation worker: runs src/sim off the main thread (the protocol is in simProtocol.ts). */
import { createWorkerCore } from './simWorkerCore';
import type { ToWorker } from './simProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const core = createWorkerCore((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (e: MessageEvent<ToWorker>) => core.receive(e.data);
