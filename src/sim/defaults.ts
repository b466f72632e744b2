/**
 * Every constant the simulator uses, with where it comes from.
 *
 * "calibration" = our CPython measurements (CPython 3.11.7, Linux, 2 cores,
 * switch interval 5 ms, start method fork; medians of 3 runs). Where the calibration gives only a total,
 * the comment says how we split it. "assumption" marks a figure that was not measured.
 *
 * All durations are integer nanoseconds (the simulator's clock).
 */
export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;

/** Milliseconds (possibly fractional) to integer nanoseconds. */
export function msToNs(ms: number): number {
  return Math.round(ms * NS_PER_MS);
}

// ---------------------------------------------------------------- CPU cores (the OS scheduler)

/**
 * Round-robin quantum used when more threads want a core than there are cores.
 * assumption: Linux EEVDF (6.6+) gives each runnable task a base slice of 0.75 ms × (1 + log2 ncpus),
 * i.e. 1.5 ms on 2 cores and 3 ms on 8; CFS before it targeted a 6 ms latency split between the
 * runnable tasks (≥ 0.75 ms each). We use a flat 3 ms: "a few ms", and no slicing at all while the
 * runnable threads fit on the cores.
 */
export const CPU_QUANTUM_NS = 3 * NS_PER_MS;

// ---------------------------------------------------------------- the GIL (Python/ceval_gil.c)

/** sys.getswitchinterval() default: 0.005 s. calibration: runs used the default 5 ms. */
export const DEFAULT_SWITCH_INTERVAL_MS = 5;

/**
 * How long after a full switch interval the hand-off actually happens: the waiter's timed condvar wait
 * overshoots (Linux timer slack is 50 µs) and the holder drops at its next eval-breaker check.
 * calibration: median slice 5.11 ms at 5 ms, 0.58 ms at 0.5 ms, 50.15 ms at 50 ms → ≈0.1 ms past the interval.
 */
export const GIL_DROP_OVERSHOOT_NS = 100 * NS_PER_US;

// ---------------------------------------------------------------- threads

/**
 * Thread.start() until the target runs: calibration 53 µs. We split it into the parent's part
 * (pthread_create and bookkeeping, holding the GIL: 20 µs, assumption) and the new thread's bootstrap
 * (needs the GIL too: 33 µs). The parent waits for the child's "started" event in between, as
 * threading.Thread.start() does.
 */
export const THREAD_START_PARENT_NS = 20 * NS_PER_US;
export const THREAD_START_CHILD_NS = 33 * NS_PER_US;
/** calibration: Thread start + join 84 µs, start → target 53 µs ⇒ 31 µs to finish and be joined. */
export const THREAD_EXIT_NS = 31 * NS_PER_US;
/**
 * calibration: handing an object through queue.Queue between threads 2.4 µs. Used as the cost of
 * ThreadPoolExecutor.submit() (a lock and a queue put) in the submitting thread.
 */
export const QUEUE_HANDOFF_NS = 2_400;
/** calibration: a sleeping thread ≈ 16 KB resident (its 8 MB stack is reserved, mostly untouched). */
export const THREAD_MEMORY_BYTES = 16 * 1024;

// ---------------------------------------------------------------- asyncio

/** calibration: asyncio.run() of an empty coroutine 0.45 ms (new loop + selector, then close). Charged up front. */
export const ASYNCIO_RUN_NS = 450 * NS_PER_US;
/**
 * calibration: `await asyncio.sleep(0)` 2.5 µs = one trip through the event loop: charged every time the
 * loop resumes a task (its first step too).
 */
export const LOOP_RESUME_NS = 2_500;
/**
 * calibration: gather of 100 000 coroutines costs 9.4 µs per coroutine end to end. One resume (2.5 µs)
 * is its first step; the remaining 6.9 µs is wrapping it in a Task (Task.__init__, call_soon, gather's
 * done-callback bookkeeping), charged on the loop while gather() creates the tasks.
 * (calibration: create_task + await of a single task 6.2 µs, consistent with this.)
 */
export const TASK_CREATE_NS = 6_900;
/** calibration: an asyncio task sleeping ≈ 1.7 KB resident. */
export const ASYNCIO_TASK_MEMORY_BYTES = Math.round(1.7 * 1024);

// ---------------------------------------------------------------- processes

export interface StartCosts {
  /** Paid once, before the first process (the fork server's own interpreter boot). */
  onceNs: number;
  /** Paid by the parent for each process, sequentially, on the main thread (CPU). */
  parentNs: number;
  /** Paid by the new process before the target runs (CPU: post-fork fix-ups, or a fresh interpreter boot). */
  childNs: number;
  /** Paid by the process after its target returns: interpreter finalisation and exit, before join() returns. */
  exitNs: number;
  /** Private resident memory of one worker process, bytes. */
  memoryBytes: number;
}

/**
 * fork — calibration: start() → target 1.7 ms, start + join 2.45 ms; ProcessPoolExecutor(2) → (4) first
 * result 3.8 → 6.6 ms, so each extra forked worker costs the parent 1.4 ms. Parent 1.4 ms,
 * child 1.7 − 1.4 = 0.3 ms, exit 2.45 − 1.7 = 0.75 ms.
 * memory (assumption): a forked child shares its parent's pages copy-on-write; reference-count updates
 * dirty some of them. We count 3 MB of private pages per forked child (not measured).
 * Note: Linux's default start method was fork up to 3.13; 3.14 changed it to forkserver.
 */
export const FORK: StartCosts = {
  onceNs: 0,
  parentNs: 1_400 * NS_PER_US,
  childNs: 300 * NS_PER_US,
  exitNs: 750 * NS_PER_US,
  memoryBytes: 3 * 1024 * 1024,
};

/**
 * forkserver — calibration: start + join 52 ms per child, measured with the fork server already running
 * (a warm-up child was started first), so 52 ms is what every child costs, not the first child alone.
 * On 3.11 and 3.12 (and 3.13 until the fix's 2025 backport) each child forked by the server re-runs the
 * parent's main module before the target (gh-126631, fixed in 3.14), which is where the time goes, as it
 * did in this 3.11.7 measurement: child 52 − 2 − 0.75 = 49.25 ms.
 * The parent only connects to the server and sends the pickled Process (2 ms, as spawn's share:
 * assumption); the child is a fork of the small server, so its exit costs what a forked child's does
 * (0.75 ms, from fork).
 * The server itself is a fresh interpreter started on first use; its start was not measured: we take
 * spawn's interpreter boot (86 ms, below) as its cost (assumption), on the main lane because the
 * parent waits for it.
 * memory (assumption): children are forked from the small server, ≈ 3 MB private each.
 */
export const FORKSERVER: StartCosts = {
  onceNs: 86 * NS_PER_MS,
  parentNs: 2 * NS_PER_MS,
  childNs: 49_250 * NS_PER_US,
  exitNs: 750 * NS_PER_US,
  memoryBytes: 3 * 1024 * 1024,
};

/**
 * spawn — calibration: start() → target 88 ms, start + join 113 ms. The parent only prepares and
 * posix_spawn()s (2 ms, assumption); the child boots a fresh interpreter and re-imports __main__
 * (88 − 2 = 86 ms of CPU); exit and join 113 − 88 = 25 ms.
 * memory (assumption): a fresh CPython 3.11 interpreter is ≈ 10 MB resident.
 */
export const SPAWN: StartCosts = {
  onceNs: 0,
  parentNs: 2 * NS_PER_MS,
  childNs: 86 * NS_PER_MS,
  exitNs: 25 * NS_PER_MS,
  memoryBytes: 10 * 1024 * 1024,
};

/**
 * Pool set-up paid by the parent before the workers start (queues, handler threads).
 * calibration: multiprocessing.Pool(2) constructor → first result 5.3 ms = setup + 2 × 1.4 ms forks
 * + 4 small pickles ⇒ 2.46 ms. ProcessPoolExecutor(2) fork → first result 3.8 ms ⇒ 0.96 ms.
 */
export const MP_POOL_SETUP_NS = 2_460 * NS_PER_US;
export const PROCESS_POOL_EXECUTOR_SETUP_NS = 960 * NS_PER_US;
/**
 * A pool worker started by spawn or forkserver must import the pool machinery before taking work
 * (a forked one inherits it). calibration: ProcessPoolExecutor(2) with spawn, constructor → first
 * result 102 ms = 0.96 + 2 + 86 + this ⇒ 13 ms.
 */
export const POOL_WORKER_IMPORT_NS = 13 * NS_PER_MS;

/** calibration (10 MB bytes object): pickle.dumps 5.9 ms ⇒ 0.59 ns per byte. */
export const PICKLE_DUMPS_NS_PER_BYTE = 0.59;
/** calibration: pickle.loads 6.4 ms for 10 MB ⇒ 0.64 ns per byte. */
export const PICKLE_LOADS_NS_PER_BYTE = 0.64;
/** calibration: Pipe.send_bytes → child has it 4.7 ms for 10 MB ⇒ 0.47 ns per byte (charged to the receiver). */
export const PIPE_NS_PER_BYTE = 0.47;
/**
 * Fixed cost of one small pickled message (pickle a tuple, write a pipe, wake the reader).
 * assumption: ≈10 µs each side; not in the calibration.
 */
export const PICKLE_MESSAGE_NS = 10 * NS_PER_US;

// ---------------------------------------------------------------- free-threaded builds

/**
 * Single-thread slowdown of pure-Python code on the free-threaded build.
 * 3.13t: CPython docs ("about 40% slower" on pyperformance); 3.14t: docs say roughly 5–10% ⇒ 7.5%.
 */
export const FREE_THREADED_SLOWDOWN = { '3.13t': 1.4, '3.14t': 1.075 } as const;

// ---------------------------------------------------------------- safety

/** Runaway guard: a simulation that processes more events than this stops with a SimulationError. */
export const DEFAULT_MAX_EVENTS = 20_000_000;

/**
 * Linux pipe buffer (16 pages = 64 KiB, pipe(7)). multiprocessing.Pool's task handler thread writes pickled
 * tasks into a pipe; once this much is waiting unread, its next write blocks until a worker reads. A
 * message larger than this keeps its writer in os.write (Connection._send loops) until the reader has
 * read all but the last pipe-full, for tasks and for results alike.
 */
export const PIPE_CAPACITY_BYTES = 64 * 1024;

// ---------------------------------------------------------------- coordination (locks, queues, events)

/**
 * How long a thread blocked on a lock, a condition or a semaphore takes to run again after another
 * thread releases it (futex wake-up on an idle core). calibration: handing an object through queue.Queue
 * between threads takes 2.4 µs, which is one such wake-up (Condition.notify releasing the getter's lock)
 * plus a little bytecode; we use it whole. Until then the lock is free, and the releasing thread, which
 * keeps running, can take it again first (barging).
 */
export const WAKE_NS = QUEUE_HANDOFF_NS;

/**
 * Free-threaded builds (3.13t, 3.14t): threading.Lock is a PyMutex (Python/lock.c), and unlocking it hands it
 * straight to the first parked waiter once that waiter has waited longer than TIME_TO_BE_FAIR_NS, 1 ms
 * (`mutex_unpark`), instead of leaving it free for the releasing thread to take back. From CPython's source,
 * not measured here; the build with a GIL (3.11, what the threads model follows) has no such rule.
 */
export const FAIR_LOCK_AFTER_NS = 1_000_000;
/**
 * multiprocessing.Queue.put() returns once the item is in the queue's buffer; a feeder thread pickles it
 * and writes it into the pipe. calibration: put() returns after 19 µs (10 MB item: the size does not
 * matter to put itself). The item reaches the pipe after pickle.dumps (PICKLE_DUMPS_NS_PER_BYTE); the
 * getter reads and unpickles it (PIPE_NS_PER_BYTE + PICKLE_LOADS_NS_PER_BYTE).
 */
export const MP_QUEUE_PUT_NS = 19 * NS_PER_US;

// ---------------------------------------------------------------- subinterpreters (Python 3.14)

/*
 * concurrent.futures.InterpreterPoolExecutor (Python 3.14, Lib/concurrent/futures/interpreter.py) is a
 * ThreadPoolExecutor whose every worker thread first creates its own interpreter
 * (concurrent.interpreters.create(), PEP 734) with its own GIL (PEP 684), then runs each task there
 * through Interpreter.call(): the arguments are copied into the worker's interpreter (bytes, str, int and
 * other shareable objects are copied directly; anything else falls back to pickle) and the return value
 * is copied back. No process is forked or spawned.
 *
 * None of the figures below was measured here (the calibration runs used CPython 3.11, which has no
 * concurrent.interpreters module). They come from published figures or are stated assumptions.
 */

/**
 * Creating one interpreter (concurrent.interpreters.create() plus the worker's set-up script), paid by
 * the new worker thread on a core, without the main interpreter's GIL (new_interpreter() detaches the
 * caller's thread state before it builds the new interpreter).
 * published, not measured here: a discuss.python.org benchmark ("Expected performance characteristics
 * of subinterpreters", May 2024, CPython 3.13 beta, 16-core Linux) created, called and closed 10 000
 * interpreters from threads in 11.1 s against 7.3 s for 10 000 forked multiprocessing.Process objects:
 * an interpreter cost about 1.5 times a forked process. Applying that ratio to our calibrated fork
 * start + join (2.45 ms, FORK above) gives ≈ 3.7 ms per interpreter, which we split into 3 ms to create
 * (SUBINTERP_CREATE_NS) and 0.7 ms to close (SUBINTERP_CLOSE_NS). The split is an assumption.
 * Posts that call interpreters "faster to start than processes" compare them with spawn (86 ms here),
 * which this figure also beats; we keep the slower, published ratio rather than the flattering claim.
 */
export const SUBINTERP_CREATE_NS = 3 * NS_PER_MS;
/** Interpreter.close() at pool shutdown (finalising the interpreter): see SUBINTERP_CREATE_NS for the split. */
export const SUBINTERP_CLOSE_NS = 700 * NS_PER_US;
/**
 * Fixed cost of one Interpreter.call() (switching the worker thread into the interpreter and back,
 * wrapping the callable and its arguments as cross-interpreter data, the result on the way back).
 * assumption: no published per-call figure was found; PEP 734 and the concurrent.interpreters docs give
 * none. We charge 20 µs per call, twice our assumed fixed cost of one small pickled message to another
 * process (PICKLE_MESSAGE_NS, 10 µs), since a call crosses in both directions; a queue put or get
 * between threads costs 2.4 µs (calibration), so this is a generous bound for a thread-state switch.
 */
export const SUBINTERP_CALL_NS = 20 * NS_PER_US;
/**
 * Copying a payload between interpreters (argsBytes in, resultBytes out), per byte. A bytes object is
 * shareable: the receiving interpreter builds a new bytes object from the sender's buffer, one copy in
 * memory, with no pipe in between. calibration: pickle.loads of a 10 MB bytes object, which is also one
 * copy into a new bytes object, takes 6.4 ms ⇒ 0.64 ns per byte (PICKLE_LOADS_NS_PER_BYTE). Objects
 * that are not shareable are pickled instead, which costs what it does between processes.
 */
export const SUBINTERP_COPY_NS_PER_BYTE = PICKLE_LOADS_NS_PER_BYTE;
/**
 * Resident memory of one more interpreter in the process.
 * assumption: no published figure was found. An interpreter has its own modules, builtins and object
 * allocator state but shares the executable, the C runtime and the process with the others; we take
 * half of a fresh CPython process (SPAWN above, 10 MB, itself an assumption): 5 MB, plus its thread.
 */
export const SUBINTERP_MEMORY_BYTES = 5 * 1024 * 1024;
