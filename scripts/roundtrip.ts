/**
 * npm run roundtrip [-- --limit-s 10] [--scale 1] [--only id,id] [--json] [--keep dir] [--reuse dir]
 *
 * For every shipped scenario (content/scenarios) and every model whose simulated run takes under the limit
 * (default 10 s): generate its Python program (src/sim/python), record it with recorder/interleave_record.py
 * under python3, derive the workload from the recording, replay it under the same model, and print the
 * table of recorded against replayed totals. Models that need another interpreter (free-threading needs a
 * free-threaded build) are listed as skipped. `--keep dir` keeps the programs and recordings in that folder;
 * `--reuse dir` derives again from the recordings already there (recording only the missing ones), so that a
 * change to the derivation can be checked against the same runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MODEL_IDS, parseScenario, simulate, type ModelId } from '../src/sim/index';
import { generatePython } from '../src/sim/python/index';
import { compareRecording } from '../src/sim/recording/compare';
import { parseRecordingText } from '../src/sim/recording/parse';

const root = resolve(import.meta.dirname, '..');
const recorder = join(root, 'recorder/interleave_record.py');
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const limitMs = Number(flag('--limit-s') ?? 10) * 1000;
const scale = Number(flag('--scale') ?? 1);
const only = flag('--only')?.split(',');
const asJson = args.includes('--json');
const reuse = flag('--reuse');
const keep = flag('--keep') ?? reuse;

interface Row {
  scenario: string;
  model: ModelId;
  simulatedMs: number;
  recordedMs?: number;
  replayedMs?: number;
  difference?: number;
  ioBound?: boolean;
  note?: string;
}

if (keep) mkdirSync(keep, { recursive: true });
const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'interleave-roundtrip-'));
const rows: Row[] = [];
const files = readdirSync(join(root, 'content/scenarios')).filter((f) => f.endsWith('.json') && !f.includes('schema'));
try {
  for (const f of files.sort()) {
    const id = f.replace(/\.json$/, '');
    if (only && !only.includes(id)) continue;
    const scenario = parseScenario(JSON.parse(readFileSync(join(root, 'content/scenarios', f), 'utf8')), f);
    for (const model of MODEL_IDS) {
      let simulatedMs: number;
      let cpuMs: number;
      try {
        const t = simulate(scenario, model, { trace: 'summary' });
        simulatedMs = t.makespanMs * scale;
        cpuMs = t.metrics.cpuWorkMs * scale;
      } catch (e) {
        rows.push({ scenario: id, model, simulatedMs: NaN, note: `not simulated: ${(e as Error).message}` });
        continue;
      }
      if (simulatedMs >= limitMs) continue;
      let program: ReturnType<typeof generatePython>;
      try {
        program = generatePython(scenario, model, { scale });
      } catch (e) {
        rows.push({ scenario: id, model, simulatedMs, note: `no program: ${(e as Error).message}` });
        continue;
      }
      if (program.requires !== '3.11') {
        rows.push({ scenario: id, model, simulatedMs, note: `skipped: needs python ${program.requires}` });
        continue;
      }
      const src = join(dir, `${id}-${model}.py`);
      const out = join(dir, `${id}-${model}.json`);
      writeFileSync(src, program.code);
      if (!(reuse && existsSync(out))) {
        const run = spawnSync('python3', [recorder, '-o', out, src], { encoding: 'utf8', timeout: 120_000 });
        if (!existsSync(out)) {
          const why = run.error?.message ?? run.stderr.trim().split('\n').pop() ?? `exit status ${run.status}`;
          rows.push({ scenario: id, model, simulatedMs, note: `recording failed: ${why}` });
          continue;
        }
      }
      const rec = parseRecordingText(readFileSync(out, 'utf8'), out);
      const cmp = compareRecording(rec, [model]);
      const r = cmp.rows[0];
      rows.push({
        scenario: id,
        model,
        simulatedMs,
        recordedMs: cmp.recordedMs,
        replayedMs: r.simulatedMs,
        difference: r.difference,
        ioBound: cpuMs < 0.05 * simulatedMs,
        note:
          [
            cmp.recordedModel === model ? '' : `derived as ${cmp.recordedModel}`,
            // A deadlocked run is ended by the program's watchdog: its total is the watchdog's timeout, and the
            // derived workload (which names no locks) waits as long.
            rec.program.exit === 'os._exit' ? 'ended by os._exit (its watchdog): the total is that timeout' : '',
          ]
            .filter(Boolean)
            .join('; ') || undefined,
      });
      if (!asJson) {
        const d = `${r.difference >= 0 ? '+' : '-'}${Math.abs(r.difference * 100).toFixed(1)} %`;
        process.stderr.write(
          `${id} ${model}: ${cmp.recordedMs.toFixed(1)} ms recorded, ${r.simulatedMs.toFixed(1)} ms replayed, ${d}\n`,
        );
      }
    }
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}

if (asJson) process.stdout.write(`${JSON.stringify(rows)}\n`);
else {
  const ms = (v?: number) =>
    v === undefined || Number.isNaN(v) ? '' : v >= 1000 ? `${(v / 1000).toFixed(3)} s` : `${v.toFixed(1)} ms`;
  const lines = [
    '',
    '| scenario | model | kind | recorded | replayed | difference | within |',
    '|---|---|---|---|---|---|---|',
  ];
  let ok = 0;
  let measured = 0;
  for (const r of rows) {
    if (r.difference === undefined) {
      lines.push(`| ${r.scenario} | ${r.model} | | | | | ${r.note ?? ''} |`);
      continue;
    }
    const tol = r.ioBound ? 0.03 : 0.1;
    const within = Math.abs(r.difference) <= tol;
    measured++;
    if (within) ok++;
    const d = `${r.difference >= 0 ? '+' : '−'}${Math.abs(r.difference * 100).toFixed(1)} %`;
    lines.push(
      `| ${r.scenario} | ${r.model} | ${r.ioBound ? 'I/O' : 'CPU'} | ${ms(r.recordedMs)} | ${ms(r.replayedMs)} | ${d} | ${within ? 'yes' : 'no'} (${tol * 100} %)${r.note ? ` ${r.note}` : ''} |`,
    );
  }
  lines.push('', `${ok} of ${measured} within tolerance (3 % I/O-bound, 10 % otherwise)`, '');
  process.stdout.write(lines.join('\n'));
}
