/**
 * What one step becomes in Python, and the helper functions the steps call.
 */
import type { Step, StepItem } from '../types';
import { humanMs, pyFloat, pyInt, pyText, type PyLines } from './builder';
import { NATIVE_BLOCK_BYTES } from './calibration';
import { repeatedPattern, type TaskFunction } from './plan';
import { blockedStep, leafAt, type SequentialBlock } from './stuck';
import { finishedLine, interpreterStep } from './interpreters';
import { syncStep, usedSyncIds, type StepCode, type SyncFlavor, type SyncNames, type SyncStepContext } from './sync';

export interface StepContext {
  /** Inside a coroutine (the asyncio model): awaits, and offloaded steps go to executors. */
  async: boolean;
  /** Multiplies every duration and payload. */
  scale: number;
  /** ns per iteration of busy()'s loop, and bytes per ms that hashlib.sha256 hashes. */
  loopNsPerIteration: number;
  hashBytesPerMs: number;
  names: SyncNames;
  flavor: SyncFlavor;
  /**
   * One Process per task, or an InterpreterPoolExecutor: primitives and shared values (or the queues
   * standing for them) reach the task functions as parameters.
   */
  syncParams: boolean;
  /** Sequential: where the run stops on a wait no other task can end (see stuck.ts). */
  blocked?: SequentialBlock | null;
  /** asyncio with every task made at the start: a join awaits the joined task's asyncio tasks. */
  awaitJoins?: boolean;
}

/** Loop iterations for a cpu step. */
export function iterations(durationMs: number, ctx: StepContext): number {
  return Math.round((durationMs * ctx.scale * 1e6) / ctx.loopNsPerIteration);
}

/** Bytes hashed for a native step. */
export function hashedBytes(durationMs: number, ctx: StepContext): number {
  return Math.round(durationMs * ctx.scale * ctx.hashBytesPerMs);
}

export function scaledBytes(bytes: number, scale: number): number {
  return Math.round(bytes * scale);
}

function comment(step: Step): string {
  const what = step.label ? `${pyText(step.label)}, ` : '';
  return `  # ${what}${humanMs(step.durationMs)}`;
}

const TIMED = new Set(['cpu', 'io', 'native']);

/** The Finished object this function tells when it finishes, when other tasks join its task. */
export function ownDone(fn: TaskFunction, names: SyncNames): string | null {
  for (const task of fn.tasks) {
    const j = names.joined.get(task);
    if (j) return j.id;
  }
  return null;
}

/** Arguments of the task function itself: the process pool (asyncio offload), primitives, the payload. */
export function taskParams(fn: TaskFunction, ctx: StepContext): string[] {
  const params: string[] = [];
  if (ctx.async && fn.steps.some((s) => s.kind === 'cpu' && s.offload === 'process')) params.push('pool');
  if (ctx.syncParams) params.push(...usedSyncIds(fn.steps, ctx.names, ownDone(fn, ctx.names)));
  if (fn.argsBytes > 0) params.push('payload');
  return params;
}

/** One line of Python for a cpu, io or native step. */
export function stepStatement(step: Step, fn: TaskFunction, ctx: StepContext): string {
  const note = comment(step);
  switch (step.kind) {
    case 'io': {
      const seconds = pyFloat((step.durationMs * ctx.scale) / 1000);
      if (!ctx.async) return `time.sleep(${seconds})${note}`;
      if (step.blocking) return `time.sleep(${seconds})${note} (blocks the event loop)`;
      return `await asyncio.sleep(${seconds})${note}`;
    }
    case 'native':
      return `native(${pyInt(hashedBytes(step.durationMs, ctx))})${note}`;
    case 'cpu': {
      const n = pyInt(iterations(step.durationMs, ctx));
      if (ctx.async && step.offload === 'thread') return `await asyncio.to_thread(busy, ${n})${note}`;
      if (ctx.async && step.offload === 'process') {
        const call =
          fn.argsBytes > 0 || fn.resultBytes > 0
            ? `busy_with_data, ${n}, ${fn.argsBytes > 0 ? 'payload' : 'b""'}, ${pyInt(scaledBytes(fn.resultBytes, ctx.scale))}`
            : `busy, ${n}`;
        return `await asyncio.get_running_loop().run_in_executor(pool, ${call})${note}`;
      }
      return `busy(${n})${note}`;
    }
    default:
      throw new Error(`stepStatement: ${step.kind} is a coordination step (see sync.ts)`);
  }
}

function sameStep(a: Step, b: Step): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isGroup(item: StepItem): item is Exclude<StepItem, Step> {
  return 'repeat' in item;
}

/**
 * Writes a task function and returns the line of each of its steps (unrolled). Step groups as written
 * become loops; without them, a step list that repeats a pattern becomes a loop over the pattern.
 */
export function writeTaskFunction(py: PyLines, fn: TaskFunction, ctx: StepContext): number[] {
  const header = `${ctx.async ? 'async def' : 'def'} ${fn.name}(${taskParams(fn, ctx).join(', ')}):`;
  const sync: SyncStepContext = {
    flavor: ctx.flavor,
    async: ctx.async,
    scale: ctx.scale,
    names: ctx.names,
    seen: new Set(),
    timed: new Set(),
    awaitJoins: ctx.awaitJoins,
  };
  const period = fn.written ? null : repeatedPattern(fn.steps, sameStep);
  const block = ctx.blocked && fn.tasks.includes(ctx.blocked.task) ? ctx.blocked : null;
  const stopsAt = block
    ? fn.written
      ? leafAt(fn.written, block.step)
      : fn.steps[period === null ? block.step : block.step % period]
    : null;
  const writeStep = (step: Step): number => {
    if (TIMED.has(step.kind)) return py.line(stepStatement(step, fn, ctx));
    let code: StepCode = ctx.flavor === 'interpreters' ? interpreterStep(step, sync) : syncStep(step, sync);
    if (step === stopsAt) code = blockedStep(step, code, sync, block!.sentence);
    const first = py.next;
    code.lines.forEach((line, i) => py.line(i === code.mark && step.label ? `${line}  # ${pyText(step.label)}` : line));
    if (step.durationMs > 0)
      py.line(`busy(${pyInt(iterations(step.durationMs, ctx))})  # then ${humanMs(step.durationMs)} of Python`);
    return first + code.mark;
  };
  const writeItems = (items: readonly StepItem[]): number[] => {
    const lines: number[] = [];
    for (const item of items) {
      if (!isGroup(item)) {
        lines.push(writeStep(item));
        continue;
      }
      let inner: number[] = [];
      py.block(`for _ in range(${item.repeat}):`, () => (inner = writeItems(item.steps)));
      for (let r = 0; r < item.repeat; r++) lines.push(...inner);
    }
    return lines;
  };
  let lines: number[] = [];
  py.block(header, () => {
    if (fn.written) lines = writeItems(fn.written);
    else if (period !== null) {
      py.block(`for _ in range(${fn.steps.length / period}):`, () => {
        const body = writeItems(fn.steps.slice(0, period));
        for (let i = 0; i < fn.steps.length; i++) lines.push(body[i % period]);
      });
    } else lines = writeItems(fn.steps);
    const done = ownDone(fn, ctx.names);
    if (done !== null && !ctx.awaitJoins)
      py.line(ctx.flavor === 'interpreters' ? finishedLine(done) : `${done}.done()  # one more copy has finished`);
    if (fn.resultBytes > 0 && !ctx.async) py.line(`return bytes(${pyInt(scaledBytes(fn.resultBytes, ctx.scale))})`);
  });
  return lines;
}

export interface HelperNeeds {
  busy: boolean;
  busyWithData: boolean;
  native: boolean;
}

export function helperNeeds(functions: readonly TaskFunction[], ctx: StepContext): HelperNeeds {
  const steps = functions.flatMap((f) => f.steps.map((s) => ({ s, f })));
  return {
    busy: steps.some(({ s }) => s.kind === 'cpu' || (!TIMED.has(s.kind) && s.durationMs > 0)),
    busyWithData:
      ctx.async &&
      steps.some(({ s, f }) => s.kind === 'cpu' && s.offload === 'process' && (f.argsBytes > 0 || f.resultBytes > 0)),
    native: steps.some(({ s }) => s.kind === 'native'),
  };
}

/** Module-level constants the helpers need (written right after the imports). */
export function writeHelperConstants(py: PyLines, needs: HelperNeeds, ctx: StepContext): void {
  if (!needs.native) return;
  py.line(
    `# Hashed by native(): sized at ${Number((ctx.hashBytesPerMs / 1e6).toPrecision(3))} MB per ms of hashlib.sha256.`,
  );
  py.line(`BLOCK = bytes(range(256)) * ${NATIVE_BLOCK_BYTES / 256}`);
  py.blank(2);
}

export function writeHelpers(py: PyLines, needs: HelperNeeds, ctx: StepContext): void {
  if (needs.busy) {
    py.block('def busy(iterations):', () => {
      const ns = Number(ctx.loopNsPerIteration.toPrecision(3));
      py.line(`"""Python computing: a counting loop, sized at ${ns} ns per iteration."""`);
      py.line('count = 0');
      py.block('for i in range(iterations):', () => py.line('count += i'));
      py.line('return count');
    });
    py.blank(2);
  }
  if (needs.busyWithData) {
    py.block('def busy_with_data(iterations, payload, result_bytes):', () => {
      py.line(`"""busy() in a worker process: gets a payload, sends a result back."""`);
      py.line('busy(iterations)');
      py.line('return bytes(result_bytes)');
    });
    py.blank(2);
  }
  if (needs.native) {
    py.block('def native(size):', () => {
      py.line(`"""Native code: hashlib releases the GIL while it hashes large buffers."""`);
      py.line('view = memoryview(BLOCK)');
      py.block('while size > 0:', () => {
        py.line('chunk = min(size, len(BLOCK))');
        py.line('hashlib.sha256(view[:chunk]).digest()');
        py.line('size -= chunk');
      });
    });
    py.blank(2);
  }
}
