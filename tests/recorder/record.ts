/** Runs a program under recorder/interleave_record.py with python3 and returns its parsed recording. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseRecordingText } from '../../src/sim/recording/parse';
import type { Recording } from '../../src/sim/recording/types';

export const RECORDER = resolve(import.meta.dirname, '../../recorder/interleave_record.py');
export const PROGRAMS = resolve(import.meta.dirname, 'programs');

export interface Run {
  status: number | null;
  stderr: string;
  recording: Recording | null;
}

export function runRecorder(args: string[], cwd = PROGRAMS): Run {
  const dir = mkdtempSync(join(tmpdir(), 'interleave-rec-'));
  const out = join(dir, 'run.json');
  try {
    const r = spawnSync('python3', [RECORDER, '-o', out, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    let recording: Recording | null = null;
    try {
      recording = parseRecordingText(readFileSync(out, 'utf8'), 'run.json');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    return { status: r.status, stderr: r.stderr, recording };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
