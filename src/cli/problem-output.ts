import { formatProblem, type Problem } from '../data/problem.js';

export const OUTPUT_FORMATS = ['text', 'json', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `FILE:LINE:COL: severity: path: message`, then the code frame of a syntax error, indented. */
function text(p: Problem): string {
  const line = formatProblem(p);
  return p.frame
    ? `${line}\n${p.frame
        .split('\n')
        .map((l) => `    ${l}`.trimEnd())
        .join('\n')}`
    : line;
}

// GitHub's workflow-command escaping: data escapes %, CR and LF; properties also ":" and ",".
const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions annotation: shown on the pull request's diff at the line. */
export function github(p: Problem): string {
  const props = [
    ['file', p.file],
    ['line', String(p.line)],
    ['col', String(p.column)],
    ['title', `keydata ${p.severity}${p.path ? `: ${p.path}` : ''}`],
  ];
  const message = `${p.path ? `${p.path}: ` : ''}${p.message}`;
  return `::${p.severity === 'note' ? 'notice' : p.severity} ${props.map(([k, v]) => `${k}=${escapeProperty(v ?? '')}`).join(',')}::${escapeData(message)}`;
}

/** The problems as the chosen format prints them on stdout (ends with a newline unless empty). */
export function formatProblems(problems: readonly Problem[], format: OutputFormat): string {
  if (format === 'json') {
    const list = problems.map(({ file, line, column, severity, path, message }) => ({
      file,
      line,
      column,
      severity,
      path,
      message,
    }));
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  const lines = problems.map(format === 'github' ? github : text);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The closing line: "2 files checked: valid", "3 files checked: 3 errors in 2 files", or with
 * --strict "1 file checked: 1 warning, not valid with --strict"; notes (unchecked figures)
 * follow, and never make a file invalid. `files` are the checked files as problems name them;
 * a file a problem names beyond them (the edition metadata read with a country file) was
 * checked too and counts.
 */
export function summary(
  files: number | readonly string[],
  problems: readonly Problem[],
  strict = false,
): string {
  const named = typeof files === 'number' ? [] : files;
  const flagged = problems.filter((p) => p.severity !== 'note');
  const notes = problems.length - flagged.length;
  const inProblems = new Set(flagged.map((p) => p.file));
  const count =
    typeof files === 'number' ? files : new Set([...named, ...problems.map((p) => p.file)]).size;
  const errors = flagged.filter((p) => p.severity === 'error').length;
  const warnings = flagged.length - errors;
  const checked = `${plural(count, 'file')} checked`;
  const where = count > 1 && flagged.length > 0 ? ` in ${plural(inProblems.size, 'file')}` : '';
  const noted = notes ? `, ${plural(notes, 'note')}` : '';
  if (errors === 0 && (warnings === 0 || !strict))
    return `${checked}: valid${warnings ? `, ${plural(warnings, 'warning')}${where}` : ''}${noted}`;
  if (errors === 0)
    return `${checked}: ${plural(warnings, 'warning')}${where}, not valid with --strict${noted}`;
  return `${checked}: ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}${where}${noted}`;
}
