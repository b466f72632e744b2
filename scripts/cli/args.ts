/**
 * The simulate command's arguments: flags, their bounds (the command line's set in src/sim/limits.ts) and
 * where the scenarios come from. Every mistake is a UsageError with a one-line message naming the flag.
 */
import { CLI_LIMITS, formatCount, type Range } from '../../src/sim/limits';
import { MODEL_IDS } from '../../src/sim/index';
import type { ModelId, Scenario, SimOverrides } from '../../src/sim/index';
import { printable } from './terminalText';

export class UsageError extends Error {}

/** The bounds flags are checked against. */
export const LIMITS = CLI_LIMITS;

/** One scenario to run: `label` names it in output and errors (a file name), `load` reads and parses it. */
export interface Input {
  label: string;
  load: () => Scenario;
}

/**
 * Flags that add an input instead of a scenario file (for example one built from a recording): the flag,
 * its value's name and one line for --help. A source registers itself with `addInputFlag`.
 */
export interface InputFlag {
  flag: string;
  value: string;
  help: string;
  input: (value: string) => Input;
}

const INPUT_FLAGS = new Map<string, InputFlag>();

export function addInputFlag(f: InputFlag): void {
  INPUT_FLAGS.set(f.flag, f);
}

export function inputFlags(): InputFlag[] {
  return [...INPUT_FLAGS.values()];
}

export interface Options {
  help: boolean;
  /** Scenario file names, in order, each turned into an Input by the caller. */
  files: string[];
  /** Inputs from input flags, after the files. */
  inputs: Input[];
  models: ModelId[];
  json: boolean;
  trace: boolean;
  overrides: SimOverrides;
}

function shown(v: string): string {
  return printable(v.length > 40 ? `${v.slice(0, 40)}…` : v);
}

function inRange(flag: string, v: string, n: number, range: Range, unit = ''): number {
  const u = unit ? ` ${unit}` : '';
  if (n > range.max)
    throw new UsageError(`${flag}: ${shown(v)}${u} is too large, at most ${formatCount(range.max)}${u}`);
  if (n < range.min)
    throw new UsageError(`${flag}: ${shown(v)}${u} is too small, at least ${formatCount(range.min)}${u}`);
  return n;
}

function wholeNumber(flag: string, v: string, range: Range): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`${flag}: must be a whole number ≥ ${range.min} (got "${shown(v)}")`);
  return inRange(flag, v, Number(v), range);
}

function positiveNumber(flag: string, v: string, range: Range, unit: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0)
    throw new UsageError(`${flag}: must be a number > 0 (got "${shown(v)}")`);
  return inRange(flag, v, n, range, unit);
}

function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${flag}: must be one of ${allowed.join(', ')} (got "${shown(v)}")`);
}

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    help: false,
    files: [],
    inputs: [],
    models: [...MODEL_IDS],
    json: false,
    trace: false,
    overrides: {},
  };
  if (argv.includes('--help') || argv.includes('-h')) return { ...o, help: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag}: needs a value`);
      return v;
    };
    const source = INPUT_FLAGS.get(flag);
    if (source) {
      o.inputs.push(source.input(value()));
      continue;
    }
    switch (flag) {
      case '--json':
        o.json = true;
        break;
      case '--trace':
        o.trace = true;
        break;
      case '--model': {
        const v = oneOf(flag, value(), [...MODEL_IDS, 'all'] as const);
        o.models = v === 'all' ? [...MODEL_IDS] : [v];
        break;
      }
      case '--cores':
        o.overrides.cores = wholeNumber(flag, value(), LIMITS.cores);
        break;
      case '--pool':
        o.overrides.poolSize = wholeNumber(flag, value(), LIMITS.poolSize);
        break;
      case '--max-events':
        o.overrides.maxEvents = wholeNumber(flag, value(), LIMITS.events);
        break;
      case '--switch-interval-ms':
        o.overrides.switchIntervalMs = positiveNumber(flag, value(), LIMITS.switchIntervalMs, 'ms');
        break;
      case '--start-method':
        o.overrides.startMethod = oneOf(flag, value(), ['fork', 'forkserver', 'spawn'] as const);
        break;
      case '--python':
        o.overrides.python = oneOf(flag, value(), ['3.11', '3.13t', '3.14t'] as const);
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`${shown(a)}: unknown option (see --help)`);
        o.files.push(a);
    }
  }
  if (o.files.length === 0 && o.inputs.length === 0)
    throw new UsageError('no scenario file given (usage: simulate <scenario.json> [options]; see --help)');
  return o;
}
