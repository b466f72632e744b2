/** Reads a scenario of content/scenarios for tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../scenario/parse';
import type { Scenario } from '../types';

export function loadScenario(id: string): Scenario {
  const file = `content/scenarios/${id}.json`;
  // Tests run from the repository root.
  return parseScenario(JSON.parse(readFileSync(join(process.cwd(), file), 'utf8')), file);
}
