/**
 * keydata's architecture, checked by dependency-cruiser (tests/architecture.test.ts runs these
 * rules over src/ and over a planted fixture that breaks each one). Also by hand:
 *   npx depcruise src --config .dependency-cruiser.cjs
 *
 * Data flows one way. A layer may import its own and earlier layers, never a later one. The
 * files directly under src/ (errors, project, version) serve every layer, so they import none.
 */
const LAYERS = ['schema', 'data', 'derive', 'render', 'pdf', 'build', 'preview', 'cli'];

/** One rule per layer: nothing it imports (static, dynamic or side-effect) is a later layer. */
const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer}`,
  severity: 'error',
  comment: `${layer}/ may import ${LAYERS.slice(0, i + 1).join(', ')} and the shared files, never ${LAYERS.slice(i + 1).join(', ')}`,
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'shared-imports-no-layer',
      severity: 'error',
      comment: 'the files directly under src/ serve every layer, so they may import none',
      from: { path: '^src/[^/]+$' },
      to: { path: `^src/(${LAYERS.join('|')})/` },
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
      from: { path: '^src/derive/' },
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
