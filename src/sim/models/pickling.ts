/** Costs of moving task data between processes (see defaults.ts for the calibration). */
import {
  FORK,
  FORKSERVER,
  PICKLE_DUMPS_NS_PER_BYTE,
  PICKLE_LOADS_NS_PER_BYTE,
  PICKLE_MESSAGE_NS,
  PIPE_CAPACITY_BYTES,
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

/**
 * A message larger than the pipe holds is read in two parts: the bytes out of the pipe (the writer stays
 * blocked in os.write until they are all read, and the reader holds no GIL in os.read) …
 */
export function pipeReadNs(bytes: number): number {
  return Math.round(bytes * PIPE_NS_PER_BYTE);
}

/** … then pickle.loads of what was read (the rest of loadsNs). */
export function unpickleNs(bytes: number): number {
  return loadsNs(bytes) - pipeReadNs(bytes);
}

/** Whether writing a message of `bytes` blocks its writer until a reader has taken it. */
export function fillsPipe(bytes: number): boolean {
  return bytes > PIPE_CAPACITY_BYTES;
}

export function startCosts(method: StartMethod): StartCosts {
  return method === 'spawn' ? SPAWN : method === 'forkserver' ? FORKSERVER : FORK;
}
