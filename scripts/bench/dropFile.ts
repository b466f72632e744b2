/**
 * Dropping a huge file on /playground/ of the built site (dist/): the longest the page's main thread goes
 * without answering, from the drop until the page says what became of the file. Measured by a chain of
 * setTimeout(0) ticks and requestAnimationFrame callbacks (the longest gap between two ticks) and by the
 * long tasks Chromium reports (PerformanceObserver, over 50 ms). The file is fetched into the page as a Blob
 * first and dropped as a File made from it, as a drop from the desktop gives one: no copy on the main thread.
 *
 * `npx tsx scripts/bench/dropFile.ts [--mb 40] [--json]` (after `npm run build`); `benchDrop` is the same for
 * a caller that already has a browser.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';

/** The longest main-thread gap allowed while a dropped file is read. */
export const DROP_TARGET_MS = 50;

export interface DropResult {
  file: string;
  bytes: number;
  /** Longest gap between two setTimeout(0) ticks, and between two animation frames (ms). */
  longestTickGapMs: number;
  longestFrameGapMs: number;
  /** Long tasks (ms) Chromium reported from the drop until a second after the answer. */
  longTasks: number[];
  /** When each long task started, ms after the drop. */
  longTaskStartsMs: number[];
  /** From the drop to the status or error the page shows (ms). */
  answerMs: number;
  answer: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.py': 'text/x-python',
};

/** A static server for `root` (the built site) and the generated files under `/__drop/`. */
function serve(root: string, files: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const inFiles = url.pathname.startsWith('/__drop/');
    const base = inFiles ? files : root;
    const rel = normalize(decodeURIComponent(url.pathname.slice(inFiles ? '/__drop'.length : 0)));
    let file = join(base, rel);
    if (!file.startsWith(base + sep) && file !== base) {
      res.writeHead(404).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, 'localhost', () => {
      const { port } = server.address() as { port: number };
      ok({ server, base: `http://localhost:${port}` });
    }),
  );
}

/**
 * Files of about `mb` MB: a recording with far too many segments, JSON that is no recording at all, text that
 * is not JSON, and a scenario file (tasks, no recording format); and a scenario file just under the 5 MB a
 * scenario file may have, which the page opens as its workload.
 */
export function writeDropFiles(dir: string, mb: number): string[] {
  const target = mb * 1024 * 1024;
  const fill = (target: number, item: (i: number) => string) => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < target; i++) {
      const s = item(i);
      parts.push(s);
      size += s.length + 1;
    }
    return parts;
  };
  const segment = (i: number) =>
    `{"startMs":${i},"endMs":${i + 0.5},"state":"${i % 2 ? 'running' : 'waiting'}","cpuMs":0.25}`;
  const recording = (segments: string[]) => {
    const n = segments.length;
    return `{"format":"interleave-recording","version":1,"recorder":{"sampleIntervalMs":1,"cpuClock":"pthread_getcpuclockid"},"python":{"version":"3.11.7","implementation":"cpython","gil":true,"switchIntervalMs":5},"machine":{"cores":2,"platform":"linux"},"program":{"argv":["huge.py"],"exitStatus":0,"startMethod":"fork"},"durationMs":${n},"processes":[{"pid":1,"parentPid":null,"name":"MainProcess","startMs":0,"endMs":${n},"threads":[{"id":1,"name":"MainThread","main":true,"startMs":0,"endMs":${n},"cpuMs":${n / 4},"segments":[${segments.join(',')}]}]}]}`;
  };
  const numbers = `[${fill(target, (i) => String(1_000_000 + i)).join(',')}]`;
  const task = (i: number) => `{"name":"t${i}","steps":[{"kind":"cpu","durationMs":1},{"kind":"io","durationMs":2}]}`;
  const scenario = (bytes: number) => `{"id":"big","title":"big","tasks":[${fill(bytes, task).join(',')}]}`;
  const files: [string, string][] = [
    [`huge-recording-${mb}mb.json`, recording(fill(target, segment))],
    ...(process.env.DROP_SEGMENTS ?? '')
      .split(',')
      .filter(Boolean)
      .map((k): [string, string] => [`recording-${k}-segments.json`, recording(fill(Number(k) * 65_000, segment))]),
    [`huge-numbers-${mb}mb.json`, numbers],
    [`huge-text-${mb}mb.json`, 'not json '.repeat(Math.ceil(target / 9))],
    [`huge-scenario-${mb}mb.json`, scenario(target)],
    ['scenario-4.9mb.json', scenario(4.9 * 1024 * 1024)],
  ];
  return files.map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

/** Drops `url` (fetched as a Blob into the page first) on the playground and watches the main thread. */
async function dropOne(page: Page, url: string, name: string): Promise<DropResult> {
  await page.evaluate(
    async ([u, n]) => {
      const blob = await (await fetch(u)).blob();
      (window as unknown as { __dropFile: File }).__dropFile = new File([blob], n, { type: 'application/json' });
    },
    [url, name] as const,
  );
  await page.waitForTimeout(300);
  return page.evaluate(async () => {
    const w = window as unknown as { __dropFile: File };
    const file = w.__dropFile;
    const target = document.querySelector<HTMLElement>('.pg')!;
    const status = () => {
      const s = target.querySelector('.pg-import ~ .pg-status')?.textContent ?? '';
      return /Opened |Not opened|Recording /.test(s) ? s : '';
    };
    const before = target.querySelector('.pg-import ~ .pg-status')?.textContent ?? '';
    const longTasks: number[] = [];
    const longTaskStartsMs: number[] = [];
    let start = Infinity;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime + e.duration < start) continue;
        longTasks.push(e.duration);
        longTaskStartsMs.push(e.startTime - start);
      }
    });
    observer.observe({ type: 'longtask' });
    let tickGap = 0;
    let frameGap = 0;
    let running = true;
    let lastTick = performance.now();
    const tick = () => {
      const now = performance.now();
      tickGap = Math.max(tickGap, now - lastTick);
      lastTick = now;
      if (running) setTimeout(tick, 0);
    };
    let lastFrame = performance.now();
    const frame = (now: number) => {
      frameGap = Math.max(frameGap, now - lastFrame);
      lastFrame = now;
      if (running) requestAnimationFrame(frame);
    };
    setTimeout(tick, 0);
    requestAnimationFrame(frame);
    await new Promise((r) => setTimeout(r, 200));
    start = performance.now();
    tickGap = 0;
    frameGap = 0;
    const dt = new DataTransfer();
    dt.items.add(file);
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    let answer = '';
    while (!(answer = status()) || answer === before) {
      if (performance.now() - start > 60_000) {
        answer = 'no answer within 60 s';
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const answerMs = performance.now() - start;
    // A second more: what the page does once it has answered (drawing what it opened) counts too.
    await new Promise((r) => setTimeout(r, 1000));
    running = false;
    observer.disconnect();
    return {
      file: file.name,
      bytes: file.size,
      longestTickGapMs: tickGap,
      longestFrameGapMs: frameGap,
      longTasks,
      longTaskStartsMs,
      answerMs,
      answer,
    };
  });
}

/** Every generated file dropped on a fresh /playground/ of the site built in `dist`. */
export async function benchDrop(browser: Browser, dist: string, mb = 40, traceDir?: string): Promise<DropResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'interleave-drop-'));
  const files = writeDropFiles(dir, mb);
  const { server, base } = await serve(resolve(dist), dir);
  const results: DropResult[] = [];
  try {
    // DROP_ONLY=<regexp>: only the files whose names match.
    const only = process.env.DROP_ONLY ? new RegExp(process.env.DROP_ONLY) : null;
    for (const file of files.filter((f) => !only || only.test(f))) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      // tsx keeps function names with a helper the page does not have.
      await page.addInitScript('window.__name = (f) => f');
      await page.goto(`${base}/playground/`);
      // The playground wakes when the reader reaches for it.
      await page.locator('.pg').hover();
      await page.locator('.pg-import input[type=file]').waitFor({ state: 'attached' });
      await page.waitForLoadState('networkidle');
      const name = file.slice(dir.length + 1);
      if (traceDir)
        await browser.startTracing(page, {
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8'],
        });
      results.push(await dropOne(page, `${base}/__drop/${name}`, name));
      if (traceDir) writeFileSync(join(traceDir, `${name}.trace.json`), await browser.stopTracing());
      await page.close();
    }
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** One line per file, against the target. */
export function dropLines(results: readonly DropResult[]): string[] {
  return results.map((r) => {
    const worst = Math.max(r.longestTickGapMs, r.longestFrameGapMs, ...r.longTasks);
    const verdict = worst <= DROP_TARGET_MS ? 'target met' : 'TARGET MISSED';
    return `  (d0) dropping ${r.file} (${(r.bytes / 1048576).toFixed(1)} MB): longest main-thread gap ${worst.toFixed(0)} ms (timers ${r.longestTickGapMs.toFixed(0)} ms, frames ${r.longestFrameGapMs.toFixed(0)} ms, ${r.longTasks.length} long tasks), answered in ${r.answerMs.toFixed(0)} ms: "${r.answer.slice(0, 90)}" — ${verdict} (≤ ${DROP_TARGET_MS} ms)`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(import.meta.dirname, '../..');
  const at = process.argv.indexOf('--mb');
  const mb = at > 0 ? Number(process.argv[at + 1]) : 40;
  const dist = process.env.SERVE_ROOT ?? join(root, 'dist');
  if (!existsSync(join(dist, 'playground/index.html'))) {
    console.error('No built site in dist/: run `npm run build` first.');
    process.exit(1);
  }
  const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  const browser = await chromium.launch({ executablePath });
  try {
    const t = process.argv.indexOf('--trace');
    const results = await benchDrop(browser, dist, mb, t > 0 ? resolve(process.argv[t + 1]) : undefined);
    if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
    else for (const line of dropLines(results)) console.log(line);
  } finally {
    await browser.close();
  }
}
