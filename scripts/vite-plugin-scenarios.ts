/**
 * `virtual:scenarios`: one lazily loaded module per file in content/scenarios, validated at build time.
 *
 * Each `virtual:scenario/<id>` module is the result of parseScenario on that file: either the normalised
 * scenario or the error that names the file and the field. The browser therefore never downloads the schema
 * validator for the site's own scenarios, and a page loads only the scenarios it names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseScenario } from '../src/sim/scenario/parse.ts';

const INDEX = 'virtual:scenarios';
const ONE = 'virtual:scenario/';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The browser's copy of one scenario file: parseScenario's result (its description left out: pages do not
 * show it) or the error naming the file and field.
 */
export function scenarioEntry(dir: string, name: string): unknown {
  const source = `content/scenarios/${name}.json`;
  try {
    const json: unknown = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
    return { ok: true, scenario: { ...parseScenario(json, source), description: '' } };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof SyntaxError ? `${source}: not valid JSON (${error.message})` : errorText(error),
    };
  }
}

export function scenariosPlugin(): Plugin {
  let dir = '';
  const ids = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  return {
    name: 'interleave-scenarios',
    configResolved(config) {
      dir = resolve(config.root, 'content/scenarios');
    },
    resolveId(id) {
      if (id === INDEX || id.startsWith(ONE)) return '\0' + id;
      return undefined;
    },
    load(id) {
      if (id === '\0' + INDEX) {
        const entries = ids().map((name) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(ONE + name)}),`);
        return `export const scenarioLoaders = {\n${entries.join('\n')}\n};\n`;
      }
      if (!id.startsWith('\0' + ONE)) return undefined;
      const name = id.slice(1 + ONE.length);
      this.addWatchFile(join(dir, `${name}.json`));
      return `export default ${JSON.stringify(scenarioEntry(dir, name))};\n`;
    },
    handleHotUpdate(ctx) {
      if (!ctx.file.startsWith(dir)) return;
      for (const mod of ctx.server.moduleGraph.idToModuleMap.values()) {
        if (mod.id?.startsWith('\0' + ONE) || mod.id === '\0' + INDEX) ctx.server.moduleGraph.invalidateModule(mod);
      }
    },
  };
}
