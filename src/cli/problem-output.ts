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
  return `::${p.severity} ${props.map(([k, v]) => `${k}=${escapeProperty(v ?? '')}`).join(',')}::${escapeData(message)}`;
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

/** The closing line: "2 files checked: valid" or "... 3 errors, 1 warning". */
export function summary(files: number, problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const checked = `${plural(files, 'file')} checked`;
  if (errors === 0) return `${checked}: valid${warnings ? `, ${plural(warnings, 'warning')}` : ''}`;
  return `${checked}: ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`;
}
