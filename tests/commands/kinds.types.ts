/**
 * Compile-time test of the report-kind registry (tests/commands/kinds.test.ts is its runtime
 * half): a kind without a definition, or a definition without one of its parts, does not
 * compile. `npm test` type-checks this file (tsc -p tsconfig.json), so each `@ts-expect-error`
 * below fails the run the day the error it expects goes away (e.g. a part made optional, or
 * the registry typed loosely again). Not a vitest file: it only has to compile.
 */
import type { CarriedForward, KindDefinition } from '../../src/commands/kind-definition.js';
import { KINDS, type KindRegistry } from '../../src/commands/kinds.js';
import type { KindSchema } from '../../src/schema/kind-schema.js';
import { KIND_SCHEMAS } from '../../src/schema/kinds.js';
import type { ReportKind } from '../../src/schema/report-kind.js';
import type { ClearingTheMinesDerived } from '../../src/kinds/clearing-the-mines/derive/report.js';
import { ClearingTheMinesReport } from '../../src/kinds/clearing-the-mines/schema/report.js';

type Ctm = KindDefinition<'clearing-the-mines', ClearingTheMinesDerived>;

/** A stub kind: the parts of Clearing the Mines' definition, with each test leaving one out. */
const { check: _check, ...withoutChecks } = KINDS['clearing-the-mines'];
const { nextEdition: _next, ...withoutNextEdition } = KINDS['clearing-the-mines'];
const { volume: _volume, ...withoutVolume } = KINDS['clearing-the-mines'];
const { 'monitor-profile': _monitor, ...withoutMonitor } = KINDS;

// The control: the whole definition compiles, so each error below is the part left out.
export const complete: Ctm = KINDS['clearing-the-mines'];
// @ts-expect-error a kind without its checks is not a definition (no "no checks" default)
export const noChecks: Ctm = withoutChecks;
// @ts-expect-error nor without its next-edition rule (no carrying forward by another kind's rules)
export const noNextEdition: Ctm = withoutNextEdition;
// @ts-expect-error nor without its volume options (no fallback to another kind's volume)
export const noVolume: Ctm = withoutVolume;
// @ts-expect-error a registry that leaves out a kind of the schema-level part does not compile
export const missingKind: KindRegistry = withoutMonitor;
// @ts-expect-error a stub kind unknown to the schema-level part has no place in the registry
export const unknownKind: KindRegistry = { ...KINDS, 'stub-kind': KINDS['clearing-the-mines'] };

// The schema-level registry is typed over the same list (src/schema/report-kind.ts).
const { 'monitor-profile': _monitorSchema, ...schemasWithoutMonitor } = KIND_SCHEMAS;
export const allSchemas: Record<ReportKind, KindSchema> = KIND_SCHEMAS;
// @ts-expect-error a schema-level registry that leaves out a kind of the list does not compile
export const missingSchema: Record<ReportKind, KindSchema> = schemasWithoutMonitor;

// A kind with whole editions must say how a file is carried forward; a cascading kind must not.
export const wholeEditions: Ctm['nextEdition'] = {
  // @ts-expect-error Clearing the Mines does not cascade, so it cannot inherit sections
  inheritSections: ['a'],
};
export const carried: CarriedForward = { toFill: [], moved: [], review: [], mentionsOldYear: [] };

// @ts-expect-error the schema-level part has no default for cascading either
export const stubSchema: KindSchema = {
  schema: ClearingTheMinesReport,
  migrations: [],
  independentParts: null,
  referenceData: false,
};
