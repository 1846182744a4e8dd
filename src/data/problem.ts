/** One located finding about a data file: syntax, schema or consistency. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /**
   * error: the data cannot be built; warning: figures contradict each other; note: worth an
   * editor's look but not wrong (a figure of the text nobody checked), ignored by --strict.
   */
  severity: 'error' | 'warning' | 'note';
  /** Dotted field path, e.g. "tables.clearance_by_district.rows.2.area_m2"; "" for the file itself. */
  path: string;
  message: string;
  /** A few lines of the file around the position, with a caret; given for YAML syntax errors. */
  frame?: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** `FILE:LINE:COL: severity: path: message`, the format editors and CI jump from. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/**
 * Drops repeats of the same finding, keeping the first: the edition metadata beside several
 * country files is checked once for each of them, and its problems must print once.
 */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${formatProblem(p)}\u0000${p.severity}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
