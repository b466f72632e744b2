/** Costs of moving task data between processes (see defaults.ts for the calibration). */
import {
  FORK,
  FORKSERVER,
  PICKLE_DUMPS_NS_PER_BYTE,
  PICKLE_LOADS_NS_PER_BYTE,
  PICKLE_MESSAGE_NS,
  PIPE_NS_PER_BYTE,
  SPAWN,
} from '../defaults';
import type { StartCosts } from '../defaults';
import type { StartMethod } from '../types';

/** Sender side: pickle.dumps of `bytes` plus one small message. */
export function dumpsNs(bytes: number): number {
  return PICKLE_MESSAGE_NS + Math.round(bytes * PICKLE_DUMPS_NS_PER_BYTE);
}

/** Receiver side: reading the pipe and pickle.loads of `bytes`, plus one small message. */
export function loadsNs(bytes: number): number {
  return PICKLE_MESSAGE_NS + Math.round(bytes * (PIPE_NS_PER_BYTE + PICKLE_LOADS_NS_PER_BYTE));
}

export function startCosts(method: StartMethod): StartCosts {
  return method === 'spawn' ? SPAWN : method === 'forkserver' ? FORKSERVER : FORK;
}
