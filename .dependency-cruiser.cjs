/**
 * keydata's architecture, checked by dependency-cruiser (tests/architecture.test.ts runs these
 * rules over src/ and over a planted fixture that breaks each one). Also by hand:
 *   npx depcruise src --config .dependency-cruiser.cjs
 *
 * Data flows one way. A layer may import its own and earlier layers, never a later one. The
 * files directly under src/ (errors, project, version) serve every layer, so they import none.
 * A report kind's own code lives in src/kinds/<kind>/<layer>/ and belongs to that layer, under
 * the same rules as src/<layer>/: kind code is layered code that happens to serve one kind.
 */
const LAYERS = ['schema', 'data', 'derive', 'render', 'pdf', 'commands', 'preview', 'cli'];

/** The files of one or more layers, shared (src/<layer>/) or a kind's (src/kinds/<kind>/<layer>/). */
const inLayers = (layers) => `^(src|src/kinds/[^/]+)/(${layers.join('|')})/`;

/** One rule per layer: nothing it imports (static, dynamic or side-effect) is a later layer. */
const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer}`,
  severity: 'error',
  comment: `${layer}/ may import ${LAYERS.slice(0, i + 1).join(', ')} and the shared files, never ${LAYERS.slice(i + 1).join(', ')}`,
  from: { path: inLayers([layer]) },
  to: { path: inLayers(LAYERS.slice(i + 1)) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'shared-imports-no-layer',
      severity: 'error',
      comment: 'the files directly under src/ serve every layer, so they may import none',
      from: { path: '^src/[^/]+$' },
      to: { path: `^src/(${LAYERS.join('|')}|kinds)/` },
    },
    {
      name: 'kind-code-in-a-layer',
      severity: 'error',
      comment:
        "a kind's code sits in one of its layer folders (src/kinds/<kind>/<layer>/), or no layer rule would see it",
      from: { path: '^src/kinds/', pathNot: inLayers(LAYERS) },
      to: {},
    },
    {
      name: 'kinds-through-the-registry',
      severity: 'error',
      comment:
        "shared code reaches a kind only through the registry's parts (src/schema/kinds.ts and its " +
        'light part kind-files.ts, src/commands/kinds.ts and its light part kind-pages.ts): it asks ' +
        'the kind, never names it',
      from: {
        path: `^src/(${LAYERS.join('|')})/`,
        pathNot: '^src/(schema/kinds|schema/kind-files|commands/kinds|commands/kind-pages)[.]ts$',
      },
      to: { path: '^src/kinds/' },
    },
    {
      name: 'kinds-apart',
      severity: 'error',
      comment:
        'a kind never imports another kind: what two kinds share lives in the shared layers (src/<layer>/)',
      from: { path: '^src/kinds/([^/]+)/' },
      to: { path: '^src/kinds/', pathNot: '^src/kinds/$1/' },
    },
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'no import cycle; a cycle closed only by type-only imports is allowed, since types are ' +
        'erased and cannot change the order modules load in (e.g. build.ts <-> volume.ts share BuildResult)',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'derive-is-pure',
      severity: 'error',
      comment: 'derive/ computes from validated data; it never touches the file system or spawns',
      from: { path: inLayers(['derive']) },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|child_process|worker_threads)$',
      },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'an import that does not resolve would escape every rule above',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    // Parse with the TypeScript compiler so type-only imports are seen (and marked as such).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
