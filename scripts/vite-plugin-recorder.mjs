/**
 * Serves the recorder (recorder/interleave_record.py) for download at /interleave_record.py: from its one source
 * file in development, and as a file of the build. There is no second copy to drift from it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const RECORDER_URL = '/interleave_record.py';
const source = resolve(import.meta.dirname, '../recorder/interleave_record.py');

export function recorderPlugin() {
  return {
    name: 'interleave-recorder',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== RECORDER_URL) return next();
        res.setHeader('Content-Type', 'text/x-python; charset=utf-8');
        res.end(readFileSync(source, 'utf8'));
      });
    },
    buildStart() {
      this.addWatchFile(source);
    },
    generateBundle(options) {
      // Only the client build ships files for download; the server bundle that renders pages does not.
      if (options.format !== 'es' || this.environment?.config?.consumer === 'server') return;
      this.emitFile({ type: 'asset', fileName: RECORDER_URL.slice(1), source: readFileSync(source, 'utf8') });
    },
  };
}
