/** Every report kind keydata knows: named once, by the registry's schema-level part. */
export { REPORT_KINDS, ReportKind } from './kinds.js';
