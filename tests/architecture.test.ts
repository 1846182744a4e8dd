import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/project.js';

/** The rules themselves: .dependency-cruiser.cjs, the one place the architecture is written. */
const config = createRequire(import.meta.url)(path.join(PROJECT_ROOT, '.dependency-cruiser.cjs'));
const FIXTURE = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'architecture');

/** Cruises `<root>/src` with the project's rules: "rule: from -> to" per violation. */
async function violations(root: string): Promise<{ found: string[]; modules: number }> {
  const { options, forbidden } = config as {
    options: Record<string, unknown> & { enhancedResolveOptions: object };
    forbidden: IForbiddenRuleType[];
  };
  const tsConfig = extractTSConfig(path.join(PROJECT_ROOT, 'tsconfig.json'));
  // Paths are matched relative to baseDir, so the fixture's files read as src/... too.
  const result = await cruise(
    ['src'],
    { ...options, tsConfig: undefined, baseDir: root, ruleSet: { forbidden }, validate: true },
    options.enhancedResolveOptions,
    { tsConfig },
  );
  const output = result.output as ICruiseResult;
  return {
    found: output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort(),
    modules: output.modules.filter((m) => m.source.startsWith('src/')).length,
  };
}

describe('architecture (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  it('src/ keeps every rule: layer order (kind code too), no value cycle, shared files import no layer, kinds apart and reached through the registry, pure derive', async () => {
    const { found, modules } = await violations(PROJECT_ROOT);
    expect(found).toEqual([]);
    // Not vacuous: the cruise really walked the source tree.
    expect(modules).toBeGreaterThan(100);
  });

  it('catches each planted violation in a fake src/ tree, and nothing that is allowed', async () => {
    expect((await violations(FIXTURE)).found).toEqual(
      [
        'derive-is-pure: src/derive/bad-fs-dynamic.ts -> fs/promises',
        'derive-is-pure: src/derive/bad-fs.ts -> fs',
        'layer-derive: src/derive/bad-double-quoted.ts -> src/render/view.ts',
        'layer-derive: src/derive/bad-dynamic.ts -> src/cli/main.ts',
        'layer-schema: src/schema/bad-side-effect.ts -> src/data/load.ts',
        'no-cycle: src/commands/bad-cycle-a.ts -> src/commands/bad-cycle-b.ts',
        'layer-schema: src/kinds/alpha/schema/bad-kind-layer.ts -> src/kinds/alpha/derive/derive.ts',
        'derive-is-pure: src/kinds/alpha/derive/bad-kind-fs.ts -> fs',
        'kind-code-in-a-layer: src/kinds/alpha/bad-outside-layer.ts -> src/kinds/alpha/schema/report.ts',
        'kinds-apart: src/kinds/beta/derive/bad-other-kind.ts -> src/kinds/alpha/derive/derive.ts',
        'kinds-through-the-registry: src/derive/bad-kind-import.ts -> src/kinds/alpha/derive/derive.ts',
        'no-unresolvable: src/data/bad-unresolvable.ts -> ./no-such-module.js',
        'shared-imports-no-layer: src/bad-shared.ts -> src/derive/emit.ts',
      ].sort(),
    );
  });

  it('core code never reads argv or environment variables: the CLI parses them and passes them in', async () => {
    const src = path.join(PROJECT_ROOT, 'src');
    const readers: string[] = [];
    for (const e of await readdir(src, { recursive: true, withFileTypes: true })) {
      const file = path.join(e.parentPath, e.name);
      const rel = path.relative(src, file);
      if (!e.isFile() || !rel.endsWith('.ts') || rel.startsWith(`cli${path.sep}`)) continue;
      if (/\bprocess\s*\.\s*(env|argv)\b/.test(await readFile(file, 'utf8'))) readers.push(rel);
    }
    expect(readers).toEqual([]);
  });
});
