import type { Problem } from '../data/problem.js';

/** A field path in a report: keys and list indexes. */
export type Path = (string | number)[];

/**
 * Reports a finding at a path of the checked file. With `{ key: true }` it is located at the
 * key itself rather than its value (for "defined but never used" findings about a block).
 */
export type Emit = (
  severity: Problem['severity'],
  path: Path,
  message: string,
  at?: { key?: boolean },
) => void;

/** "land_release.current.clearance_m2 (line 19)": the other place a check compares with. */
export type Where = (path: Path) => string;
