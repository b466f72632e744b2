/** Runs the CLI (scripts/simulate.ts) in a child process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

function cli(...args: string[]) {
  const r = spawnSync(TSX, ['scripts/simulate.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 1 << 30,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('scripts/simulate.ts', () => {
  it('--json with one model prints one object', () => {
    const r = cli('content/scenarios/three-sleeps.json', '--model', 'sequential', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.model).toBe('sequential');
    expect(doc.makespanMs).toBe(6000);
    expect(doc.tasks.map((t: { name: string }) => t.name)).toEqual(['A', 'B', 'C']);
    expect(doc.metrics.gilSwitches).toBe(0);
  }, 60_000);

  it('--json with all models prints an array, flags override the file', () => {
    const r = cli('content/scenarios/gil-two-counters.json', '--json', '--switch-interval-ms', '50', '--cores', '1');
    expect(r.code).toBe(0);
    const docs = JSON.parse(r.out);
    expect(docs.map((d: { model: string }) => d.model)).toEqual([
      'sequential',
      'asyncio',
      'threads',
      'free-threading',
      'processes',
    ]);
    const threads = docs[2];
    expect(threads.settings.switchIntervalMs).toBe(50);
    expect(threads.metrics.gilSwitches).toBeGreaterThan(35);
    expect(threads.metrics.gilSwitches).toBeLessThan(50);
    expect(docs[4].makespanMs).toBeGreaterThan(2200); // one core: processes cannot overlap
  }, 60_000);

  it('prints a summary table and timelines without --json', () => {
    const r = cli('content/scenarios/mixed-cpu-io.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('speed-up');
    expect(r.out).toContain('Threads (GIL)');
    expect(r.out).toContain('legend:');
  }, 60_000);

  it('a bad file exits 2 with the file and field on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interleave-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        id: 'bad',
        title: 'Bad',
        machine: { cores: 2 },
        tasks: [{ name: 'a', steps: [{ kind: 'cpu', durationMs: -5 }] }],
      }),
    );
    const r = cli(bad, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim()).toBe(`${bad}: tasks[0].steps[0].durationMs must be a number ≥ 0`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "id": ');
    const r2 = cli(broken);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain(`${broken}: is not valid JSON`);
    const r3 = cli(join(dir, 'missing.json'));
    expect(r3.code).toBe(2);
    expect(r3.err).toContain('missing.json: cannot be read');
  }, 60_000);

  it('answers for every model on 100 000 tasks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interleave-'));
    const big = join(dir, 'big.json');
    const steps = [
      { kind: 'io', durationMs: 500 },
      { kind: 'cpu', durationMs: 0.2 },
    ];
    writeFileSync(
      big,
      JSON.stringify({ id: 'big', title: 'Big', machine: { cores: 2 }, tasks: [{ name: 'd', count: 100_000, steps }] }),
    );
    const r = cli(big, '--json');
    expect(r.code).toBe(0);
    const docs = JSON.parse(r.out) as { model: string; tasks: unknown[]; makespanMs: number }[];
    expect(docs).toHaveLength(5);
    for (const d of docs) {
      expect(d.tasks).toHaveLength(100_000);
      expect(d.makespanMs).toBeGreaterThan(500);
    }
  }, 120_000);

  it('a bad flag value exits 2 naming the flag', () => {
    const r = cli('content/scenarios/three-sleeps.json', '--cores', 'zero');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--cores');
    const r2 = cli('content/scenarios/three-sleeps.json', '--model', 'greenlets');
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('--model');
  }, 60_000);
});
