/**
 * How the generated programs turn step durations into work, from the calibration measurements.
 */

/**
 * Python computing is a counting loop (`for i in range(n): count += i`). calibration
 * (../shared/calibration/cpython-3.11-linux-2core.md, "The CPU workload used"): 33.9 million iterations
 * took ≈ 1.1 s on one core, i.e. 32.4 ns per iteration, the typical rate (24.7 ns per iteration was the
 * best run, not used here). So 1 ms of a cpu step is 30 818 iterations.
 */
export const LOOP_NS_PER_ITERATION = 1.1e9 / 33.9e6;
export const LOOP_ITERATIONS_PER_MS = 1e6 / LOOP_NS_PER_ITERATION;

/**
 * Native code is hashlib.sha256 over a bytes buffer (it releases the GIL for large inputs).
 * calibration (../shared/calibration/cpython-3.11-linux-2core-coordination.md, "Native code that releases
 * the GIL"): 64 MiB took about 38 ms, i.e. 1.77 MB per ms.
 */
export const SHA256_BYTES_PER_MS = (64 * 1024 * 1024) / 38;

/** The buffer hashed repeatedly for native steps (8 MiB: about 4.75 ms per pass at the rate above). */
export const NATIVE_BLOCK_BYTES = 8 * 1024 * 1024;

/** CPython's default sys.getswitchinterval(), in ms (the simulator's DEFAULT_SWITCH_INTERVAL_MS). */
export { DEFAULT_SWITCH_INTERVAL_MS } from '../defaults';
