/**
 * main() under subinterpreters: an InterpreterPoolExecutor (Python 3.14) gets every task by submit(), at
 * once or at its arrival. A workload that coordinates first gets its queues (interpreters.ts), made here
 * in the main interpreter and passed to each task as arguments.
 */
import { interpreterPoolSize } from '../models/subinterpreters';
import type { ResolvedSettings } from '../types';
import type { PyLines } from './builder';
import { writeQueues } from './interpreters';
import { submitAll } from './launchLoop';
import type { ProgramPlan } from './plan';
import { plannedWrites, writeSharedReport } from './report';
import type { StepContext } from './steps';

export function writeInterpreterMain(
  py: PyLines,
  plan: ProgramPlan,
  ctx: StepContext & { settings: ResolvedSettings },
): void {
  const { names, settings } = ctx;
  const coordinated = names.prims.size + names.joined.size + names.vars.size > 0;
  py.block('def main():', () => {
    // Imported here: the modules exist from Python 3.14 on, and the program checks the version first.
    if (coordinated) py.line('from concurrent import interpreters');
    py.line('from concurrent.futures import InterpreterPoolExecutor');
    py.blank();
    if (coordinated) {
      py.line('# Made in the main interpreter; each task gets the ones it uses as arguments.');
      writeQueues(py, names);
      py.blank();
    }
    const workers = interpreterPoolSize(settings.poolSize, settings.cores);
    py.line('# Every worker thread creates its own interpreter (own GIL); arguments and results are copied.');
    py.block(`with InterpreterPoolExecutor(max_workers=${workers}) as pool:`, () => {
      submitAll(py, plan, ctx);
      if (names.vars.size) {
        // An item keeps only while the interpreter that put it lives: after the with-block the workers'
        // interpreters are closed, and get() would return UNBOUND for the value a worker stored.
        py.line('# Read while the workers live: an item put by a closed interpreter comes out as UNBOUND.');
        writeSharedReport(py, names, (id) => `peek(${id})`, plannedWrites(plan, names));
      }
    });
  });
}
