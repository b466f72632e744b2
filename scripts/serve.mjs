/**
 * Serves the built site (dist/) on http://localhost:4173 (PORT to change): directories answer with their
 * index.html, unknown paths with 404.html and status 404, text is gzipped, hashed assets are cached for a year.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '../dist');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? 'localhost';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.xml', '.txt']);

if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ has no built site. Run `npm run build` first (or `npm start`, which builds and serves).');
  process.exit(1);
}

const cache = new Map();
function load(file) {
  let entry = cache.get(file);
  if (!entry) {
    const body = readFileSync(file);
    const ext = extname(file);
    entry = {
      body,
      gzip: COMPRESSIBLE.has(ext) ? gzipSync(body) : null,
      type: TYPES[ext] ?? 'application/octet-stream',
    };
    cache.set(file, entry);
  }
  return entry;
}

function resolveFile(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  const file = normalize(join(dist, path));
  if (!file.startsWith(dist)) return { status: 404 };
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) return { redirect: `${path}/` };
    const index = join(file, 'index.html');
    return existsSync(index) ? { file: index } : { status: 404 };
  }
  if (existsSync(file)) return { file };
  return { status: 404 };
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const found = resolveFile(url.pathname);
  if (found.redirect) {
    res.writeHead(301, { Location: found.redirect + url.search });
    res.end();
    return;
  }
  const status = found.file ? 200 : (found.status ?? 404);
  const file = found.file ?? join(dist, '404.html');
  const { body, gzip, type } = load(file);
  const headers = {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cache-Control': file.includes(`${join(dist, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
  };
  const useGzip = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  if (useGzip) headers['Content-Encoding'] = 'gzip';
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : useGzip ? gzip : body);
});

server.listen(port, host, () => {
  console.log(`Interleave is served at http://${host}:${port}/ (Ctrl+C to stop)`);
});
