/**
 * What the table uses from modules every article page already loads (the simulator, the scenarios, the model
 * list). ./index.tsx hands it to the table as a prop, and the table's own files import it
 * as a type only: so the table's lazily loaded chunk depends on nothing but React, and adding it does not
 * make the bundler split those shared modules into extra chunks on every page (placeTable and sealTable tie a
 * table to the prediction before it). The simulation worker's
 * client is not among them: only an edited table needs it, so useRows.ts imports it (into the table's chunk).
 */
import { MODEL_LABELS, simulate } from '../../sim';
import { loadScenario } from '../../content/scenarios';
import { parseModels } from '../timeline/Timeline';
import { placeTable } from '../../store/placement';
import { sealTable } from '../../store/reveal';

export const tableKit = { simulate, labels: MODEL_LABELS, loadScenario, parseModels, placeTable, sealTable };

export type TableKit = typeof tableKit;
