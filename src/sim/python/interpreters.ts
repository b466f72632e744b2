/**
 * Coordination under subinterpreters (Python 3.14): interpreters share no Lock, Semaphore, Event, Barrier
 * or variable, only concurrent.interpreters queues (documented as the one Python type besides memoryview
 * that shares mutable data between interpreters; CPython's own InterpreterPoolExecutor tests pass them to
 * submit()). So every primitive is a queue made by main() in the main interpreter and passed to the tasks:
 * - a lock is a queue of maxsize 1 holding one token while it is free, a semaphore of n a queue of n
 *   tokens: acquire takes a token (`get`), release puts one back (`put`); with a timeout, `take()` polls,
 *   since Queue.get(timeout=…) counts whole seconds in 3.14 (int(timeout), gh-153005);
 * - an event, a barrier and a shared variable are one-item queues holding their state: whoever takes the
 *   item holds it alone until it puts it back, which makes each update of the state atomic. An event holds
 *   (flag, times set), a barrier (tasks arrived, trips): a waiter goes on when the flag is up or the count
 *   moved since it began (so a set() followed at once by clear() still lets every waiter go, as
 *   threading.Event does); no queue wakes it, so it looks again every millisecond;
 * - a bounded queue is an interpreters queue of that maxsize, its items bytes of `itemBytes`;
 * - a join waits until the tasks it joins have each put a token in their done-queue.
 * A read takes the value and puts it back; a write stores the task's last read + 1, so updates can be lost
 * between a read and a write just as the scenario language says.
 */
import type { Step } from '../types';
import { pyFloat, pyInt, pyText, type PyLines } from './builder';
import type { TaskFunction } from './plan';
import type { StepCode, SyncNames, SyncStepContext } from './sync';

/** One step as Python over the queues. */
export function interpreterStep(step: Step, ctx: SyncStepContext): StepCode {
  const one = (line: string): StepCode => ({ lines: [line], mark: 0 });
  if (step.kind === 'read' || step.kind === 'write') {
    const id = ctx.names.vars.get(step.var!)!;
    const seen = `seen_${id}`;
    const base = ctx.seen.has(id) ? seen : `peek(${id})`;
    ctx.seen.add(id);
    return one(step.kind === 'read' ? `${seen} = peek(${id})` : `${seen} = store(${id}, ${base} + 1)`);
  }
  if (step.kind === 'join') {
    const { id, copies } = ctx.names.joined.get(step.task!)!;
    return one(`wait_finished(${id}, ${copies})`);
  }
  const id = ctx.names.prims.get(step.sync!)!;
  const spec = ctx.names.specs.get(step.sync!)!;
  switch (step.kind) {
    case 'acquire':
      if (step.timeoutMs === undefined) return one(`${id}.get()`);
      ctx.timed.add(id);
      return one(`got_${id} = take(${id}, ${pyFloat((step.timeoutMs * ctx.scale) / 1000)})`);
    case 'release':
      return ctx.timed.has(id) ? { lines: [`if got_${id}:`, `    ${id}.put(None)`], mark: 1 } : one(`${id}.put(None)`);
    case 'put': {
      const size = spec.type === 'queue' ? (spec.itemBytes ?? 0) : 0;
      return one(`${id}.put(${size > 0 ? `bytes(${pyInt(Math.round(size * ctx.scale))})` : 'None'})`);
    }
    case 'get':
      return one(`${id}.get()`);
    case 'set':
      return one(`event_set(${id})`);
    case 'clear':
      return one(`event_clear(${id})`);
    case 'wait':
      return one(spec.type === 'barrier' ? `barrier_wait(${id}, ${spec.parties})` : `event_wait(${id})`);
    default:
      throw new Error(`generatePython: a ${step.kind} step has no Python form`);
  }
}

/** The line that ends a task whose task others join: one more token in its done-queue. */
export function finishedLine(id: string): string {
  return `${id}.put(None)  # one more copy has finished`;
}

/** The helper functions the steps of a program call. */
export interface QueueHelpers {
  peek: boolean;
  store: boolean;
  take: boolean;
  event: { set: boolean; clear: boolean; wait: boolean };
  barrier: boolean;
  join: boolean;
}

export function queueHelperNeeds(functions: readonly TaskFunction[], names: SyncNames): QueueHelpers {
  const steps = functions.flatMap((f) => f.steps);
  const type = (s: Step) => (s.sync !== undefined ? names.specs.get(s.sync)?.type : undefined);
  const has = (test: (s: Step) => boolean) => steps.some(test);
  const event = {
    set: has((s) => s.kind === 'set'),
    clear: has((s) => s.kind === 'clear'),
    wait: has((s) => s.kind === 'wait' && type(s) === 'event'),
  };
  const barrier = has((s) => s.kind === 'wait' && type(s) === 'barrier');
  return {
    // Reads, writes, waits and the report of shared values at the end look at a one-item queue.
    peek: names.vars.size > 0 || event.wait || barrier,
    store: has((s) => s.kind === 'write'),
    take: has((s) => s.kind === 'acquire' && s.timeoutMs !== undefined),
    event,
    barrier,
    join: names.joined.size > 0,
  };
}

function helper(py: PyLines, header: string, doc: string, body: string[]): void {
  py.block(header, () => {
    py.line(`"""${doc}"""`);
    for (const line of body) py.line(line);
  });
  py.blank(2);
}

/** Module-level helpers (they run in the worker interpreters; the queues come in as arguments). */
export function writeQueueHelpers(py: PyLines, needs: QueueHelpers): void {
  if (needs.peek)
    helper(py, 'def peek(box):', 'The item a one-item queue holds: taken, then put back.', [
      'item = box.get()',
      'box.put(item)',
      'return item',
    ]);
  if (needs.store)
    helper(py, 'def store(box, value):', 'A one-item queue holds `value` from now on; returns it.', [
      'box.get()',
      'box.put(value)',
      'return value',
    ]);
  if (needs.take)
    helper(py, 'def take(tokens, timeout):', 'acquire(timeout=…): a token within `timeout` s (True), else False.', [
      '# Polled: Queue.get(timeout=…) counts whole seconds in Python 3.14 (gh-153005).',
      'deadline = time.monotonic() + timeout',
      'while True:',
      '    try:',
      '        tokens.get_nowait()',
      '        return True',
      '    except queue.Empty:  # concurrent.interpreters.QueueEmpty is a queue.Empty',
      '        if time.monotonic() >= deadline:',
      '            return False',
      '        time.sleep(0.001)',
    ]);
  if (needs.event.set)
    helper(py, 'def event_set(event):', 'event.set(): the flag goes up; one more set lets every waiter go.', [
      '_, sets = event.get()',
      'event.put((True, sets + 1))',
    ]);
  if (needs.event.clear)
    helper(py, 'def event_clear(event):', 'event.clear(): the flag goes down; whoever a set() let go still goes on.', [
      '_, sets = event.get()',
      'event.put((False, sets))',
    ]);
  if (needs.event.wait)
    helper(py, 'def event_wait(event):', 'event.wait(): until the flag is up, or a set() came since the wait began.', [
      'up, sets = peek(event)',
      'while not up:',
      '    time.sleep(0.001)  # no queue wakes a waiter: look again every ms',
      '    up, now = peek(event)',
      '    up = up or now != sets',
    ]);
  if (needs.barrier)
    helper(
      py,
      'def barrier_wait(barrier, parties):',
      'barrier.wait(): the last of `parties` tasks to arrive lets them all go.',
      [
        'arrived, trips = barrier.get()',
        'if arrived + 1 == parties:',
        '    barrier.put((0, trips + 1))',
        '    return',
        'barrier.put((arrived + 1, trips))',
        'while peek(barrier)[1] == trips:',
        '    time.sleep(0.001)  # no queue wakes a waiter: look again every ms',
      ],
    );
  if (needs.join)
    helper(py, 'def wait_finished(finished, copies):', 'Waits until every copy of a task has put its token.', [
      'while finished.qsize() < copies:',
      '    time.sleep(0.001)',
    ]);
}

/**
 * In main(): one queue per primitive, joined task and shared variable, in the main interpreter, filled
 * with its tokens or its first state. Returns nothing: the tasks get the queues as arguments.
 */
export function writeQueues(py: PyLines, names: SyncNames): void {
  const make = (id: string, maxsize: number, what: string) =>
    py.line(`${id} = interpreters.create_queue(${maxsize > 0 ? `maxsize=${maxsize}` : ''})  # ${what}`);
  for (const [name, id] of names.prims) {
    const spec = names.specs.get(name)!;
    const shown = pyText(name);
    switch (spec.type) {
      case 'lock':
        make(id, 1, `lock ${shown}: its token while it is free`);
        py.line(`${id}.put(None)`);
        break;
      case 'semaphore':
        make(id, 0, `semaphore ${shown}: a token per free place`);
        if (spec.value === 1) py.line(`${id}.put(None)`);
        else if (spec.value > 1) py.block(`for _ in range(${spec.value}):`, () => py.line(`${id}.put(None)`));
        break;
      case 'queue':
        make(id, spec.maxsize, `queue ${shown}${spec.maxsize > 0 ? '' : ' (unbounded)'}`);
        break;
      case 'event':
        make(id, 1, `event ${shown}: (is it set, times set)`);
        py.line(`${id}.put((False, 0))`);
        break;
      case 'barrier':
        make(id, 1, `barrier ${shown} of ${spec.parties}: (tasks arrived, trips)`);
        py.line(`${id}.put((0, 0))`);
        break;
    }
  }
  for (const [task, { id }] of names.joined) make(id, 0, `a token from each ${pyText(task)} that finishes`);
  for (const [name, id] of names.vars) {
    make(id, 1, `shared ${pyText(name)}: its value`);
    py.line(`${id}.put(${names.initial.get(name)})`);
  }
}

/** The docstring's account of the queues (lines of at most 100 characters). */
export const QUEUES_DOC = [
  'Interpreters share no lock, semaphore, event, barrier or variable, only concurrent.interpreters',
  'queues: main() makes one for each and passes it to the tasks. A lock or a semaphore is a queue of',
  'tokens (acquire takes one, release puts it back); an event, a barrier and a shared variable are',
  'one-item queues holding their state, which a task takes and puts back.',
];
