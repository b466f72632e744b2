// @vitest-environment node
/**
 * scripts/serve.mjs against a temporary site: requests that try to leave the served folder answer 404.
 * Requests go out through node:http with the path exactly as written (fetch would normalise `..` away).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRET = 'private text that must never be served';
let base: string;
let server: ChildProcess;
let port: number;

function get(path: string): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, location: res.headers.location }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'interleave-serve-'));
  const root = join(base, 'dist');
  mkdirSync(join(root, 'guide'), { recursive: true });
  mkdirSync(join(base, 'dist-private'));
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  writeFileSync(join(root, '404.html'), '<p>not here</p>');
  writeFileSync(join(root, 'guide', 'index.html'), '<p>guide</p>');
  writeFileSync(join(root, 'a b.txt'), 'spaced');
  writeFileSync(join(base, 'dist-private', 'secret.txt'), SECRET);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  symlinkSync(join(base, 'dist-private', 'secret.txt'), join(root, 'link.txt'));
  symlinkSync(join(base, 'dist-private'), join(root, 'linked-folder'));
  symlinkSync(join(root, 'a b.txt'), join(root, 'inner-link.txt'));

  server = spawn(process.execPath, [resolve('scripts/serve.mjs')], {
    env: { ...process.env, SERVE_ROOT: root, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  port = await new Promise<number>((done, fail) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /:(\d+)\//.exec(out);
      if (m) done(Number(m[1]));
    });
    server.stderr!.on('data', (chunk: Buffer) => fail(new Error(chunk.toString())));
    server.on('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
}, 20_000);

afterAll(() => {
  server?.kill();
  rmSync(base, { recursive: true, force: true });
});

describe('scripts/serve.mjs', () => {
  it('serves files, folders and encoded names inside the root', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: '<p>home</p>' });
    expect(await get('/guide/')).toMatchObject({ status: 200, body: '<p>guide</p>' });
    expect(await get('/a%20b.txt')).toMatchObject({ status: 200, body: 'spaced' });
    expect(await get('/inner-link.txt')).toMatchObject({ status: 200, body: 'spaced' });
    expect(await get('/missing/')).toMatchObject({ status: 404, body: '<p>not here</p>' });
  });

  it('redirects a folder to its slash form on the same host', async () => {
    expect(await get('/guide')).toMatchObject({ status: 301, location: '/guide/' });
    // A leading `%2f` must not turn into a protocol-relative `//guide/` address.
    const r = await get('/%2fguide');
    expect(r.status).toBe(301);
    expect(r.location).toBe('/%2fguide/');
  });

  it.each([
    ['an encoded slash after ..', '/..%2fdist-private/secret.txt'],
    ['an encoded slash, upper case', '/..%2Fdist-private%2Fsecret.txt'],
    ['encoded dots', '/%2e%2e/dist-private/secret.txt'],
    ['encoded dots and slash', '/%2e%2e%2fdist-private%2fsecret.txt'],
    ['mixed dots', '/.%2e/secret.txt'],
    ['plain dots', '/../secret.txt'],
    ['dots deeper down', '/guide/../../secret.txt'],
    ['a backslash', '/..\\dist-private\\secret.txt'],
    ['an encoded backslash', '/..%5cdist-private%5csecret.txt'],
    ['a doubly encoded slash', '/..%252fdist-private%252fsecret.txt'],
    ['doubly encoded dots', '/%252e%252e%252fsecret.txt'],
    ['a NUL byte', '/secret.txt%00.html'],
    ['a NUL byte after dots', '/..%2fsecret.txt%00'],
    ['an absolute path', `/${encodeURIComponent(join(tmpdir(), 'x'))}`],
    ['a symbolic link to a file outside', '/link.txt'],
    ['a symbolic link to a folder outside', '/linked-folder/secret.txt'],
  ])('answers 404 for %s', async (_name, path) => {
    const r = await get(path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain(SECRET);
  });

  it('answers 400 for a malformed escape', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });
});
