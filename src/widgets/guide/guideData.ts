/**
 * The decision guide's questions and recommendations, and the rule that goes from answers to advice.
 * Each recommendation names a scenario and the models whose timeline shows why.
 */

export type QuestionId = 'work' | 'asyncLibs' | 'count' | 'freeThreaded' | 'bigData' | 'interpreters' | 'load';
export type Answers = Partial<Record<QuestionId, string>>;

export interface Question {
  id: QuestionId;
  text: string;
  options: { value: string; label: string }[];
  /** Asked only when the earlier answers make it matter. */
  asked: (a: Answers) => boolean;
}

export const QUESTIONS: Question[] = [
  {
    id: 'work',
    text: 'What do your tasks spend most of their time on?',
    options: [
      { value: 'wait', label: 'Waiting: network, disk, database' },
      { value: 'compute', label: 'Computing in Python code' },
      { value: 'both', label: 'Mostly waiting, with some heavy computing' },
      { value: 'chain', label: 'One chain: each step needs the last one’s result' },
    ],
    asked: () => true,
  },
  {
    id: 'asyncLibs',
    text: 'Do the libraries you call have async versions (aiohttp or httpx, asyncpg…)?',
    options: [
      { value: 'yes', label: 'Yes, or I can switch to them' },
      { value: 'no', label: 'No, they block' },
    ],
    asked: (a) => a.work === 'wait',
  },
  {
    id: 'count',
    text: 'How many tasks wait at the same time?',
    options: [
      { value: 'few', label: 'A handful to a few hundred' },
      { value: 'many', label: 'Thousands or more' },
    ],
    asked: (a) => a.work === 'wait' && a.asyncLibs === 'yes',
  },
  {
    id: 'freeThreaded',
    text: 'Can you run a free-threaded build (python3.14t) with every extension module you use?',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No, or not yet' },
    ],
    asked: (a) => a.work === 'compute',
  },
  {
    id: 'bigData',
    text: 'Is the data each task takes or returns large (many megabytes) next to its computing time?',
    options: [
      { value: 'no', label: 'No: small inputs and results' },
      { value: 'yes', label: 'Yes: big arrays or files in memory' },
    ],
    asked: (a) => a.work === 'compute' && a.freeThreaded === 'no',
  },
  {
    // Subinterpreters (Python 3.14): an interpreter per worker in one process, if the extensions allow it.
    id: 'interpreters',
    text: 'Can you run Python 3.14 or later, with every extension module you import supporting subinterpreters?',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No, or not sure' },
    ],
    asked: (a) => a.work === 'compute' && a.freeThreaded === 'no' && a.bigData === 'no',
  },
  {
    // Latency under load: requests that keep arriving while earlier ones still run.
    id: 'load',
    text: 'Do requests keep arriving while earlier ones still run, and how much Python does each need?',
    options: [
      { value: 'batch', label: 'No: a batch of jobs that I start myself' },
      { value: 'light', label: 'Yes, with less Python per request than the time between requests' },
      { value: 'heavy', label: 'Yes, and the Python per request is about the time between requests, or more' },
    ],
    asked: (a) => a.work === 'both',
  },
];

export interface Outcome {
  id: string;
  /** The answers that lead here, in words (for the static table). */
  when: string;
  use: string;
  why: string;
  scenario: string;
  models: string;
  caption: string;
}

export const OUTCOMES: Outcome[] = [
  {
    id: 'sequential',
    when: 'Each step needs the previous one’s result',
    use: 'Plain sequential code',
    why: 'A single chain has nothing to overlap: every model takes the sum of its steps, and the others add start-up cost and harder debugging.',
    scenario: 'choose-pipeline',
    models: 'sequential threads processes',
    caption: 'One job, three dependent steps: no model finishes it sooner',
  },
  {
    id: 'asyncio',
    when: 'Waiting, async libraries, thousands of tasks',
    use: 'asyncio',
    why: 'A waiting coroutine costs a couple of kilobytes and a few microseconds to schedule, so thousands of waits overlap on one thread. Nothing may block the loop.',
    scenario: 'ten-downloads',
    models: 'sequential asyncio',
    caption: 'Ten downloads: asyncio overlaps the waits on one thread',
  },
  {
    id: 'either',
    when: 'Waiting, async libraries, up to a few hundred tasks',
    use: 'asyncio or threads: both do the job',
    why: 'At this size both overlap the waits equally well. Stay with asyncio if the program is already async; threads avoid converting code that is not.',
    scenario: 'ten-downloads',
    models: 'asyncio threads',
    caption: 'Ten downloads: asyncio and threads finish together',
  },
  {
    id: 'threads',
    when: 'Waiting, blocking libraries',
    use: 'A thread pool (ThreadPoolExecutor)',
    why: 'A blocking call releases the GIL while it waits, so threads overlap it unchanged; a bounded pool keeps thousands of calls to a few dozen threads. In a coroutine the same call would stop the event loop.',
    scenario: 'choose-blocking-pool',
    models: 'asyncio threads',
    caption: 'Forty blocking downloads: one at a time on the event loop, ten at a time in a pool',
  },
  {
    id: 'free-threading',
    when: 'Computing, a free-threaded build is possible',
    use: 'Threads on a free-threaded build',
    why: 'Without the GIL, threads run Python code on every core and share memory, so nothing is pickled. One thread runs a little slower, and shared data needs locks.',
    scenario: 'fib35-x4',
    models: 'threads free-threading processes',
    caption: 'fib(35) four times on 8 cores (the free-threaded row is the 3.13t build)',
  },
  {
    id: 'processes',
    when: 'Computing, regular build, small data',
    use: 'A process pool (ProcessPoolExecutor or multiprocessing.Pool)',
    why: 'Each worker has its own interpreter and GIL, so Python code runs on every core. Size the pool to the cores; starting it costs milliseconds.',
    scenario: 'fib35-x4',
    models: 'sequential threads processes',
    caption: 'fib(35) four times on 8 cores: threads take turns, processes run side by side',
  },
  {
    id: 'subinterpreters',
    when: 'Computing, Python 3.14, small data, extensions that support subinterpreters',
    use: 'An interpreter pool (InterpreterPoolExecutor), or a process pool',
    why: 'Each worker thread runs its own interpreter with its own GIL, so Python code runs on every core inside one process. Nothing is shared: arguments and results are copied, without a pipe. Starting an interpreter costs milliseconds, like a process, so reuse the pool.',
    scenario: 'subinterp-four-loops',
    models: 'threads processes subinterpreters',
    caption: 'Four counting loops on 2 cores: threads take turns; processes and subinterpreters run side by side',
  },
  {
    id: 'big-data',
    when: 'Computing, regular build, large data',
    use: 'Processes, but move less data',
    why: 'Every argument and result is pickled and copied; with large data that can cost what the parallelism saves. Send file names or offsets, use shared memory, or let a library that releases the GIL do the heavy part.',
    scenario: 'choose-big-data',
    models: 'sequential threads processes',
    caption: 'Four 100 MB chunks on 2 cores: the copying eats the gain',
  },
  {
    id: 'mixed',
    when: 'Mostly waiting, some heavy computing',
    use: 'asyncio, with executors for the heavy parts',
    why: 'Keep the waits on the event loop and hand the computing to a pool: asyncio.to_thread for blocking calls, a ProcessPoolExecutor through run_in_executor for Python-heavy work.',
    scenario: 'offload',
    models: 'sequential asyncio',
    caption: 'A ticker keeps ticking while two calculations run off the loop',
  },
  {
    id: 'saturated',
    when: 'Requests keep arriving, each with as much Python as the time between them',
    use: 'Several worker processes (or threads on a free-threaded build), with async or threaded I/O in each',
    why: 'One GIL runs at most one second of Python per second. Past that, latency grows with every request under asyncio and threads alike, and an executor thread shares the same GIL; only more interpreters add capacity.',
    scenario: 'serve-saturation',
    models: 'asyncio threads processes',
    caption: 'Requests every 20 ms with 25 ms of Python each: one GIL falls behind, processes keep up',
  },
];

/** Every scenario the guide can show. */
export const GUIDE_SCENARIOS = [...new Set(OUTCOMES.map((o) => o.scenario))];

/** The questions to show for these answers, in order. */
export function askedQuestions(answers: Answers): Question[] {
  return QUESTIONS.filter((q) => q.asked(answers));
}

/** The recommendation once every question asked has an answer; null before. */
export function decide(answers: Answers): Outcome | null {
  if (askedQuestions(answers).some((q) => answers[q.id] === undefined)) return null;
  const id = (() => {
    switch (answers.work) {
      case 'chain':
        return 'sequential';
      case 'both':
        return answers.load === 'heavy' ? 'saturated' : 'mixed';
      case 'wait':
        if (answers.asyncLibs === 'no') return 'threads';
        return answers.count === 'many' ? 'asyncio' : 'either';
      default:
        if (answers.freeThreaded === 'yes') return 'free-threading';
        if (answers.bigData === 'yes') return 'big-data';
        return answers.interpreters === 'yes' ? 'subinterpreters' : 'processes';
    }
  })();
  return OUTCOMES.find((o) => o.id === id) ?? null;
}
