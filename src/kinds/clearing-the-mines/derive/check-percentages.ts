import type { ClearingTheMinesReport } from '../schema/report.js';
import type { Emit, Where } from '../../../derive/emit.js';
import { formatInt, percent } from '../../../derive/format.js';
import { proseInDocumentOrder } from '../../../derive/prose.js';
import { filled } from '../../../schema/figure.js';
import {
  COUNT,
  NUMBER,
  parseCount,
  parseNumber,
  readableText,
  sentences,
} from '../../../derive/prose-numbers.js';

/** Each share the gender table prints: the women counted, and the count they are a share of. */
const GENDER_SHARES = [
  ['women_staff', 'total_staff'],
  ['women_managerial_staff', 'managerial_staff'],
  ['women_operational_staff', 'operational_staff'],
] as const;

/** "35% (7 of 20)", "35%, or 7 out of 20". Groups: percentage, part, whole. */
const PERCENT_THEN_COUNTS = new RegExp(
  `(${NUMBER})%,? \\(?(?:or )?(${COUNT}) (?:of|out of) (?:the |its |their )?(${COUNT})\\b`,
  'gi',
);
/** "7 of 20 (35%)", "seven out of its twenty managers (35%)". Groups: part, whole, percentage. */
const COUNTS_THEN_PERCENT = new RegExp(
  `\\b(${COUNT}) (?:of|out of) (?:the |its |their )?(${COUNT})\\b[^.;()\\d]{0,60}\\((${NUMBER})%\\)`,
  'gi',
);

/**
 * Percentages against counts, where the data states both. The gender table states counts
 * and prints their shares, so a count of women above the count it is a share of would print
 * more than 100%. Prose that gives a share next to its counts ("35% (7 of 20)") must agree
 * with them, to the digits of the percentage given.
 */
export function checkPercentages(r: ClearingTheMinesReport, emit: Emit, where: Where): void {
  r.tables.gender_composition?.rows.forEach((row, i) => {
    for (const [partKey, wholeKey] of GENDER_SHARES) {
      // A count still to fill compares with nothing: the check waits for it.
      const part = filled(row[partKey]);
      const whole = filled(row[wholeKey]);
      if (part === undefined || whole === undefined || part <= whole) continue;
      const base = ['tables', 'gender_composition', 'rows', i];
      emit(
        'warning',
        [...base, partKey],
        `${partKey} is ${formatInt(part)}, more than the ${formatInt(whole)} of ${where([...base, wholeKey])}: the table would print ${percent(part, whole)}% women`,
      );
    }
  });

  for (const item of proseInDocumentOrder(r)) {
    for (const sentence of sentences(readableText(item.text))) {
      const pairs = [
        ...[...sentence.matchAll(PERCENT_THEN_COUNTS)].map((m) => ({
          pct: m[1],
          part: m[2],
          whole: m[3],
        })),
        ...[...sentence.matchAll(COUNTS_THEN_PERCENT)].map((m) => ({
          pct: m[3],
          part: m[1],
          whole: m[2],
        })),
      ];
      for (const { pct, part, whole } of pairs) {
        const stated = parseNumber(pct ?? '');
        const n = parseCount(part ?? '');
        const of = parseCount(whole ?? '');
        if (of === 0 || !Number.isFinite(n) || !Number.isFinite(of)) continue;
        const share = (n / of) * 100;
        const rounded = Math.round(share * 10 ** stated.decimals) / 10 ** stated.decimals;
        if (Math.abs(rounded - stated.value) < 1e-9) continue;
        emit('warning', item.path, `the text says ${pct}% but ${part} of ${whole} is ${rounded}%`);
      }
    }
  }
}
