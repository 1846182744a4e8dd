import type { WithDerived } from '../derive/derive-report.js';
import { clearingClusterMunitionRemnants } from '../kinds/clearing-cluster-munition-remnants/commands/kind.js';
import { clearingTheMines } from '../kinds/clearing-the-mines/commands/kind.js';
import { monitorProfile } from '../kinds/monitor-profile/commands/kind.js';
import type { ReportKind } from '../schema/report-kind.js';
import type { KindDefinition } from './kind-definition.js';

/**
 * The report-kind registry: one definition per kind (src/kinds/<kind>/commands/kind.ts),
 * each whole (src/commands/kind-definition.ts). The kinds are those of the schema-level part
 * (src/schema/kinds.ts); a kind named there and missing here, or a definition missing a part,
 * does not compile (tests/commands/kinds.test.ts shows both). Every question keydata asks of
 * a kind is asked here, never by comparing kind names.
 */
export const KINDS = {
  'clearing-the-mines': clearingTheMines,
  'monitor-profile': monitorProfile,
  'clearing-cluster-munition-remnants': clearingClusterMunitionRemnants,
} satisfies KindRegistry;

/** One definition for every kind of the schema-level part, none left out. */
export type KindRegistry<Ks extends ReportKind = ReportKind> = {
  // biome-ignore lint/suspicious/noExplicitAny: each kind derives its own model; DerivedOf recovers it
  [K in Ks]: KindDefinition<K, any>;
};

/** What kind K derives. */
export type DerivedOf<K extends ReportKind> =
  (typeof KINDS)[K] extends KindDefinition<K, infer D> ? D : never;

/** A loaded report with every figure derived from it, once, of one kind or of any. */
export type DerivedReport<K extends ReportKind = ReportKind> = {
  [Kind in K]: WithDerived<Kind, DerivedOf<Kind>>;
}[K];

/**
 * The definition of a report's kind, for a report of any kind. TypeScript cannot follow that
 * `KINDS[report.kind]` is the definition of that report's own kind (a correlated union), so
 * this is the one place that says so: every caller passes the report whose kind it looked up.
 */
export function definitionOf(kind: ReportKind): KindDefinition<ReportKind, unknown> {
  return KINDS[kind] as unknown as KindDefinition<ReportKind, unknown>;
}
