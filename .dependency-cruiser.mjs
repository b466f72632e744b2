/**
 * The layer rule, checked by dependency-cruiser in `npm test` (scripts/test-all.mjs) and by
 * `npx depcruise src`:
 *
 *   content, src/site, src/entry-*   articles, pages and entry points (may import widgets)
 *   src/widgets                      the components articles use
 *   src/store, src/timeline, src/share, src/content (the scenario catalogue)
 *   src/sim                          the simulator
 *
 * Imports point down this list, never up; src/sim imports only src/sim (and data files: JSON, which import
 * nothing), with no React, D3, Zustand or Node built-ins at any depth; and no import cycles anywhere in src
 * (a cycle that only `import type` closes is erased by the compiler: it is listed as a warning).
 * Test files are left out of the layer rules (they may spawn scripts, read files, render components), not
 * out of the cycle rule.
 */
const TESTS = '\\.test\\.tsx?$|^src/[^/]+/testing/|^src/sim/test/';
const TOP = '^(content/|src/site/|src/entry-)';
const WIDGETS = '^src/widgets/';
const MIDDLE = '^src/(store|timeline|share|content)/';
const SIM = '^src/sim/';

export default {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle: break it by passing the dependency in (a prop, a slot, a callback).',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'type-import'] } },
    },
    {
      name: 'no-type-cycles',
      severity: 'warn',
      comment: 'A cycle only through `import type`: erased when compiled, so no load-order hazard, but a knot.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'sim-only-sim',
      severity: 'error',
      comment: 'src/sim is pure TypeScript: it imports only src/sim (and JSON data), no packages or built-ins.',
      from: { path: SIM, pathNot: TESTS },
      to: { pathNot: [`${SIM}`, '\\.json$', '^node_modules/@cfworker/json-schema/'] },
    },
    {
      name: 'sim-no-ui-packages',
      severity: 'error',
      comment: 'Nothing src/sim imports, at any depth, may reach React, D3, Zustand or the DOM libraries.',
      from: { path: SIM, pathNot: TESTS },
      to: { path: '^node_modules/(react|react-dom|d3[^/]*|zustand|happy-dom|@testing-library)/', reachable: true },
    },
    {
      name: 'middle-not-up',
      severity: 'error',
      comment: 'store, timeline, share and the scenario catalogue import only each other and src/sim.',
      from: { path: MIDDLE, pathNot: TESTS },
      to: { path: `${WIDGETS}|${TOP}` },
    },
    {
      name: 'widgets-not-up',
      severity: 'error',
      comment: 'Widgets do not import pages, articles or entry points.',
      from: { path: WIDGETS, pathNot: TESTS },
      to: { path: TOP },
    },
    {
      name: 'not-resolvable',
      severity: 'error',
      comment: 'An import that points at nothing.',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:|^/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json', '.d.ts'],
    },
  },
};
