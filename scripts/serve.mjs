/**
 * Serves the built site (dist/) on http://localhost:4173 (PORT to change): directories answer with their
 * index.html, unknown paths with 404.html and status 404, text is gzipped, hashed assets are cached for a year.
 * SERVE_ROOT serves another folder instead of dist/; PORT=0 picks a free port (the address is printed).
 *
 * Nothing outside the root is ever served: the path is decoded once, and a path with a NUL byte, a backslash
 * or a `..` segment answers 404, as does any file whose real path (symbolic links followed) is not inside the
 * root's real path, compared segment by segment.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = realpathSync(resolve(process.env.SERVE_ROOT ?? resolve(import.meta.dirname, '../dist')));
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
  '.py': 'text/x-python; charset=utf-8',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.xml', '.txt', '.py']);

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

/** True when `file` is `root` itself or lies below it (whole path segments, not a string prefix). */
function isInside(root, file) {
  const rel = relative(root, file);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/** The real path of an existing file or folder inside the root, or null (missing, or a link out of it). */
function realInside(file) {
  if (!existsSync(file)) return null;
  let real;
  try {
    real = realpathSync(file);
  } catch {
    return null;
  }
  return isInside(dist, real) ? real : null;
}

function resolveFile(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0') || path.includes('\\')) return { status: 404 };
  const segments = path.split('/');
  if (segments.includes('..')) return { status: 404 };
  const file = resolve(dist, ...segments.filter((s) => s !== '' && s !== '.'));
  if (!isInside(dist, file)) return { status: 404 };
  const real = realInside(file);
  if (!real) return { status: 404 };
  if (statSync(real).isDirectory()) {
    // Redirect on the path as it was sent (still encoded), with one leading slash: never `//host/…`.
    if (!path.endsWith('/')) return { redirect: `/${urlPath.replace(/^\/+/, '')}/` };
    const index = realInside(join(real, 'index.html'));
    return index && statSync(index).isFile() ? { file: index } : { status: 404 };
  }
  return statSync(real).isFile() ? { file: real } : { status: 404 };
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
  let entry;
  try {
    entry = load(file);
  } catch {
    res.writeHead(found.file ? 500 : status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(found.file ? 'Internal error\n' : 'Not found\n');
    return;
  }
  const { body, gzip, type } = entry;
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
  console.log(`Interleave is served at http://${host}:${server.address().port}/ (Ctrl+C to stop)`);
});
