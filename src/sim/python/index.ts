/** Python programs generated from a workload: see generate.ts and src/sim/README.md. */
export { generatePython } from './generate';
export type { PythonOptions, PythonProgram, PythonRequirement } from './generate';
export type { LaunchStyle } from './launch';
export { LOOP_NS_PER_ITERATION, LOOP_ITERATIONS_PER_MS, SHA256_BYTES_PER_MS } from './calibration';
