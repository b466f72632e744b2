/** A scenario file that does not follow the format; `file` and `path` say where. */
export class ScenarioError extends Error {
  readonly file: string;
  readonly path: string;
  constructor(file: string, path: string, problem: string) {
    super(path ? `${file}: ${path} ${problem}` : `${file}: ${problem}`);
    this.name = 'ScenarioError';
    this.file = file;
    this.path = path;
  }
}

/** The simulation could not finish (for example the event cap was reached). */
export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationError';
  }
}
