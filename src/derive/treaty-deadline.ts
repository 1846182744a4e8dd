import type {
  DeadlineProgress,
  PartyDeadline,
  TreatyDeadline,
  TreatyObligation,
} from '../schema/treaty-deadline.js';
import { formatDate } from './format.js';

/**
 * What a treaty deadline's history means and how reports word it. Pure functions of the
 * validated history, shared by every report kind.
 */

export type DeadlineStatus = 'not_party' | 'original' | 'extended' | 'completed';

/** The deadline in force: the last extension granted, else the original deadline. */
export function deadlineInForce(d: TreatyDeadline): string | undefined {
  if (d.status !== 'party') return undefined;
  return d.extensions.at(-1)?.deadline ?? d.original_deadline;
}

export function deadlineStatus(d: TreatyDeadline): DeadlineStatus {
  if (d.status !== 'party') return 'not_party';
  if (d.completion_declared) return 'completed';
  return d.extensions.length > 0 ? 'extended' : 'original';
}

/** True when an extension has been requested and not yet decided. */
export const extensionPending = (d: TreatyDeadline): boolean =>
  d.status === 'party' && d.pending_request !== undefined && !d.completion_declared;

/** "the original deadline of 1 March 2009", "the first extension", … for prose and the Monitor. */
export interface DeadlineFact {
  kind: 'original' | 'extension' | 'request' | 'completion';
  /** The event's date where known (decided, submitted, declared). */
  date?: string;
  /** The deadline it set or asks for. */
  deadline?: string;
  /** The event in words: "extended on 3 December 2020 to 1 March 2026". */
  phrase: string;
}

/** The history as dated facts in order, each worded. */
export function deadlineHistory(d: TreatyDeadline): DeadlineFact[] {
  if (d.status !== 'party') return [];
  const out: DeadlineFact[] = [];
  if (d.original_deadline !== undefined)
    out.push({
      kind: 'original',
      deadline: d.original_deadline,
      phrase: `original deadline ${formatDate(d.original_deadline)}`,
    });
  for (const e of d.extensions)
    out.push({
      kind: 'extension',
      ...(e.decided !== undefined && { date: e.decided }),
      deadline: e.deadline,
      phrase: `extended${e.decided ? ` on ${formatDate(e.decided)}` : ''} to ${formatDate(e.deadline)}`,
    });
  const r = d.pending_request;
  if (r && !d.completion_declared)
    out.push({
      kind: 'request',
      ...(r.submitted !== undefined && { date: r.submitted }),
      ...(r.deadline !== undefined && { deadline: r.deadline }),
      phrase: `extension${r.deadline ? ` to ${formatDate(r.deadline)}` : ''} requested${r.submitted ? ` on ${formatDate(r.submitted)}` : ''}`,
    });
  if (d.completion_declared)
    out.push({
      kind: 'completion',
      date: d.completion_declared.date,
      phrase: `completion declared on ${formatDate(d.completion_declared.date)}`,
    });
  return out;
}

/** How a KEY DATA box prints a deadline. Casing is the stylesheet's. */
export interface DeadlinePhrases {
  /** "APMBC Article 5 deadline" or "No APMBC Article 5 deadline". */
  heading: string;
  /** "1 March 2026 (extended)", "Not party to the APMBC", "Completion declared on 5 June 2025". */
  line: string;
  /** "(request for extension to 1 March 2027 pending)", when one is. */
  pending?: string;
  /** "Not on track"; none when not applicable. */
  progress?: string;
}

const PROGRESS_WORDS: Record<DeadlineProgress, string | undefined> = {
  on_track: 'On track',
  just_on_track: 'Just on track',
  not_on_track: 'Not on track',
  unclear: 'Unclear',
  not_applicable: undefined,
};

export const progressWords = (p: DeadlineProgress | undefined): string | undefined =>
  p === undefined ? undefined : PROGRESS_WORDS[p];

/** The deadline as the real KEY DATA boxes print it. */
export function deadlinePhrases(
  d: TreatyDeadline,
  o: TreatyObligation,
  progress?: DeadlineProgress,
): DeadlinePhrases {
  const name = `${o.treaty} ${o.article} deadline`;
  if (d.status !== 'party') return { heading: `No ${name}`, line: `Not party to the ${o.treaty}` };
  const words = progressWords(progress);
  const p = words === undefined ? {} : { progress: words };
  if (d.completion_declared)
    return {
      heading: name,
      line: `Completion declared on ${formatDate(d.completion_declared.date)}`,
      ...p,
    };
  const inForce = deadlineInForce(d) as string;
  const out: DeadlinePhrases = {
    heading: name,
    line: `${formatDate(inForce)}${d.extensions.length > 0 ? ' (extended)' : ''}`,
    ...p,
  };
  if (d.pending_request) out.pending = pendingPhrase(d);
  return out;
}

function pendingPhrase(d: PartyDeadline): string {
  const to = d.pending_request?.deadline;
  return `(request for extension${to ? ` to ${formatDate(to)}` : ''} pending)`;
}
