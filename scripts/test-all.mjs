/**
 * `npm test`: every check in one run — type check, lint, format check, the layer rule and import cycles
 * (dependency-cruiser, .dependency-cruiser.mjs), unit and component tests (Vitest),
 * the build (with its size budgets), and end-to-end tests in Chromium (Playwright) against the built site.
 * Each Vitest and Playwright test counts once; each other check counts as one. The last line is the summary
 * that CI reads: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const tmp = mkdtempSync(join(tmpdir(), 'interleave-test-'));
let passed = 0;
let failed = 0;
const failures = [];
/** Names of the tests that failed, printed again at the end so that the last lines of a long log say which. */
const failedTests = [];

function run(label, command, args, env = {}) {
  const started = performance.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`◀ ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

/** Counts the tests in a JSON report; a runner that crashed before writing one counts as one failure. */
function countReport(label, ok, file, count) {
  if (!existsSync(file)) {
    failed++;
    failures.push(`${label} (no report written)`);
    return;
  }
  const { pass, fail } = count(JSON.parse(readFileSync(file, 'utf8')));
  passed += pass;
  failed += fail;
  if (fail > 0) failures.push(`${label}: ${fail} failed`);
  else if (!ok) {
    failed++;
    failures.push(`${label} exited with an error`);
  }
}

check('Type check (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('Lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']);
check('Format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level=warn']);
check('Layer rule and import cycles (dependency-cruiser)', bin('depcruise'), [
  'src',
  'content',
  '--config',
  '.dependency-cruiser.mjs',
]);

function firstLine(text) {
  // Failure messages carry terminal colours and a stack; the first plain line says what went wrong.
  const plain = String(text ?? '').replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  return plain.split('\n').find((line) => line.trim() !== '') ?? '(no message)';
}

/** Walks Playwright's JSON report: suites nest, each spec has tests, each test has its results (one per retry). */
function collectPlaywrightFailures(suites, titles) {
  for (const suite of suites) {
    const path = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === 'unexpected') {
          const last = test.results?.[test.results.length - 1];
          failedTests.push(`playwright ${[...path, spec.title].join(' › ')}: ${firstLine(last?.error?.message)}`);
        }
    collectPlaywrightFailures(suite.suites ?? [], path);
  }
}

const vitestReport = join(tmp, 'vitest.json');
const vitestOk = run('Unit and component tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
countReport('vitest', vitestOk, vitestReport, (r) => {
  for (const file of r.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed')
        failedTests.push(`vitest ${relative(root, file.name)} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  return { pass: r.numPassedTests, fail: r.numFailedTests };
});

const built = run('Build and prerender (with size budgets)', process.execPath, ['scripts/build.mjs']);
if (built) passed++;
else {
  failed++;
  failures.push('build');
}

if (built) {
  const pwReport = join(tmp, 'playwright.json');
  const pwOk = run('End-to-end tests (playwright, chromium)', bin('playwright'), ['test'], {
    PW_JSON_OUTPUT: pwReport,
  });
  countReport('playwright', pwOk, pwReport, (r) => {
    collectPlaywrightFailures(r.suites ?? [], []);
    return { pass: r.stats.expected + (r.stats.flaky ?? 0), fail: r.stats.unexpected };
  });
} else {
  console.log('End-to-end tests skipped: the build failed.');
}

if (failedTests.length) console.log(`\nFailed tests:\n${failedTests.map((t) => `  ✗ ${t}`).join('\n')}`);
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
