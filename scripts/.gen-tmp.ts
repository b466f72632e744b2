import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/sim/scenario/parse';
import { generatePython } from '../src/sim/python';
const [file, model, scale] = process.argv.slice(2);
const s = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
const p = generatePython(s, model as never, { scale: Number(scale ?? 1) });
process.stdout.write(p.code);
console.error(JSON.stringify([...p.stepLines]));
