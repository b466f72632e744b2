/** Runs the CLI (scripts/simulate.ts) in a child process. */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
      'subinterpreters',
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
    expect(docs).toHaveLength(6);
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

  it('--help prints usage and exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^usage: npm run simulate -- <scenario\.json>/);
    for (const flag of ['--model', '--cores', '--pool', '--switch-interval-ms', '--json', '--trace', '--help'])
      expect(r.out).toContain(flag);
    // --help wins over anything else on the line, even a bad flag.
    expect(cli('content/scenarios/three-sleeps.json', '--cores', 'zero', '-h')).toMatchObject({ code: 0, err: '' });
  }, 60_000);

  it.each([
    [['--cores', '99999999999999999999'], 'simulate: --cores: 99999999999999999999 is too large, at most 4096'],
    [['--pool', '1000000000'], 'simulate: --pool: 1000000000 is too large, at most 100\u202f000'],
    [['--cores=0'], 'simulate: --cores: 0 is too small, at least 1'],
    [['--switch-interval-ms', '1e-9'], 'simulate: --switch-interval-ms: 1e-9 ms is too small, at least 0.001 ms'],
    [['--max-events', '1e12'], 'simulate: --max-events: must be a whole number ≥ 1 (got "1e12")'],
  ])(
    '%j beyond the command line limits is a one-line error, exit 2',
    (flags, message) => {
      const r = cli('content/scenarios/three-sleeps.json', '--json', ...flags);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe(`${message}\n`);
    },
    60_000,
  );

  it('a file beyond the command line limits names the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interleave-'));
    const big = join(dir, 'big.json');
    const steps = [{ kind: 'cpu', durationMs: 1e12 }];
    writeFileSync(
      big,
      JSON.stringify({ id: 'big', title: 'Big', machine: { cores: 2 }, tasks: [{ name: 'd', steps }] }),
    );
    const r = cli(big, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `${big}: too large for the command line: tasks[0].steps[0].durationMs: ` +
        '1\u202f000\u202f000\u202f000\u202f000 ms, at most 86\u202f400\u202f000 ms\n',
    );
  }, 60_000);

  it('prints names with terminal escape sequences escaped, and JSON that still holds them exactly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interleave-'));
    const file = join(dir, 'esc.json');
    const name = '\u001b]0;owned\u0007red\u001b[31m\u009b2J\u202e';
    const title = 'Title\u001b[2J\rhidden';
    const steps = [{ kind: 'cpu', durationMs: 10, label: 'step\u001b[1m' }];
    writeFileSync(file, JSON.stringify({ id: 'esc', title, machine: { cores: 2 }, tasks: [{ name, steps }] }));
    const text = cli(file, '--model', 'threads');
    expect(text.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(text.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text.out).toContain('Title\\x1b[2J\\rhidden');
    expect(text.out).toContain('\\x1b]0;owned\\x07');
    const json = cli(file, '--model', 'threads', '--json', '--trace');
    expect(json.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(json.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    const doc = JSON.parse(json.out);
    expect(doc.tasks[0].name).toBe(name);
    expect(doc.lanes[0].label).toBe(name);
    const bad = cli(join(dir, 'no\u001b[2Jfile.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no\\x1b[2Jfile.json: cannot be read');
  }, 60_000);

  it('--json --trace on 100 000 tasks streams the whole trace out (a document too long for one string is covered in jsonStream.test.ts)', () => {
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
    const outFile = join(dir, 'trace.json');
    const fd = openSync(outFile, 'w');
    const r = spawnSync(TSX, ['scripts/simulate.ts', big, '--model', 'sequential', '--json', '--trace'], {
      encoding: 'utf8',
      timeout: 300_000,
      stdio: ['ignore', fd, 'pipe'],
    });
    closeSync(fd);
    try {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const size = statSync(outFile).size;
      expect(size).toBeGreaterThan(2 ** 24);
      const read = (at: number, n: number) => {
        const buf = Buffer.alloc(n);
        const h = openSync(outFile, 'r');
        readSync(h, buf, 0, n, at);
        closeSync(h);
        return buf.toString('utf8');
      };
      expect(read(0, 40)).toMatch(/^\{"model":"sequential"/);
      expect(read(size - 2, 2)).toBe('}\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
