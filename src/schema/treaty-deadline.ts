import { z } from 'zod';
import { IsoDate } from './common.js';
import { NoteRefs } from './note-refs.js';

/**
 * A treaty's clearance or destruction deadline and its history: the Anti-Personnel Mine Ban
 * Convention's Article 5 (mined areas), the Convention on Cluster Munitions' Article 4
 * (cluster munition remnants). Kind-neutral: Clearing the Mines and the Landmine Monitor both
 * print it, each adding its own fields to the States Party branch (see `treatyDeadline`).
 *
 * A State Party's deadline in force is its last extension granted, else its original
 * deadline; a request pending does not change it until granted.
 */

export const DeadlineExtension = z
  .strictObject({
    decided: IsoDate.optional().describe(
      'The date the States Parties granted the extension (the meeting that decided it)',
    ),
    deadline: IsoDate.describe('The new deadline the extension granted'),
    note: NoteRefs.optional(),
  })
  .describe('An extension granted');
export type DeadlineExtension = z.infer<typeof DeadlineExtension>;

export const ExtensionRequest = z
  .strictObject({
    submitted: IsoDate.optional().describe('The date the request was submitted'),
    deadline: IsoDate.optional().describe(
      'The deadline requested; leave out when the request does not say (yet)',
    ),
    note: NoteRefs.optional(),
  })
  .describe('An extension requested and not yet decided');
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;

export const CompletionDeclared = z
  .strictObject({
    date: IsoDate.describe('The date the State declared completion'),
    note: NoteRefs.optional(),
  })
  .describe('Completion of the obligation declared by the State');
export type CompletionDeclared = z.infer<typeof CompletionDeclared>;

/**
 * Mine Action Review's view of progress towards the deadline. Its own field beside the
 * history: the history says what the deadline is, this says how the State is doing.
 */
export const DEADLINE_PROGRESS = [
  'on_track',
  'just_on_track',
  'not_on_track',
  'unclear',
  'not_applicable',
] as const;
export const DeadlineProgress = z
  .enum(DEADLINE_PROGRESS)
  .describe(
    'Progress towards the deadline: on_track, just_on_track, not_on_track, unclear, or ' +
      'not_applicable (e.g. completion declared)',
  );
export type DeadlineProgress = z.infer<typeof DeadlineProgress>;

/** Which treaty obligation a deadline is for, as its descriptions name it. */
export interface TreatyObligation {
  /** "APMBC" or "CCM". */
  treaty: string;
  /** "Article 5" or "Article 4". */
  article: string;
}

const partyShape = (o: TreatyObligation) => ({
  status: z.literal('party').describe(`A State Party to the ${o.treaty}`),
  original_deadline: IsoDate.optional().describe(
    `The ${o.article} deadline set when the treaty entered into force for the State; ` +
      'may be left out only when an extension is given',
  ),
  extensions: z
    .array(DeadlineExtension)
    .default([])
    .describe('Each extension granted, oldest first; the last one sets the deadline in force'),
  pending_request: ExtensionRequest.optional(),
  completion_declared: CompletionDeclared.optional(),
  note: NoteRefs.optional(),
});

/**
 * The deadline of `obligation`, either "not party" or a State Party's history, with the
 * fields `extra` adds to the States Party branch (e.g. Clearing the Mines' progress).
 */
export function treatyDeadline<Extra extends z.ZodRawShape = Record<never, never>>(
  obligation: TreatyObligation,
  extra: Extra = {} as Extra,
) {
  const notParty = z.strictObject({
    status: z
      .literal('not_party')
      .describe(`Not party to the ${obligation.treaty}, so no ${obligation.article} deadline`),
    note: NoteRefs.optional(),
  });
  const party = z.strictObject({ ...partyShape(obligation), ...extra }).superRefine((d, ctx) => {
    // `Extra` is generic, so zod's inferred type here is opaque; the shape is PartyDeadline's.
    for (const p of historyProblems(d as unknown as PartyDeadline))
      ctx.addIssue({ code: 'custom', ...p });
  });
  return z
    .discriminatedUnion('status', [notParty, party])
    .describe(
      `The ${obligation.treaty} ${obligation.article} deadline: status not_party, or party with ` +
        'the original deadline, each extension granted, a request pending and completion declared',
    );
}

/** The history fields every States Party branch has, whatever a report kind adds. */
export interface PartyDeadline {
  status: 'party';
  original_deadline?: string | undefined;
  extensions: DeadlineExtension[];
  pending_request?: ExtensionRequest | undefined;
  completion_declared?: CompletionDeclared | undefined;
  note?: string | undefined;
}
export type TreatyDeadline = { status: 'not_party'; note?: string | undefined } | PartyDeadline;

/** The APMBC Article 5 deadline with no additions: the Monitor's reading. */
export const Article5Deadline = treatyDeadline({ treaty: 'APMBC', article: 'Article 5' });

/** A history that contradicts itself, as located messages (the path is within the deadline). */
export function historyProblems(
  d: PartyDeadline,
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  if (d.original_deadline === undefined && d.extensions.length === 0) {
    out.push({
      path: ['original_deadline'],
      message: 'a State Party has a deadline: give original_deadline, or the extensions granted',
    });
  }
  let before = d.original_deadline;
  let beforePath: string = 'original_deadline';
  d.extensions.forEach((e, i) => {
    if (before !== undefined && e.deadline <= before) {
      out.push({
        path: ['extensions', i, 'deadline'],
        message: `an extension moves the deadline later: ${e.deadline} is not after ${before} (${beforePath})`,
      });
    }
    const lastDecided = d.extensions.slice(0, i).findLast((x) => x.decided)?.decided;
    if (e.decided !== undefined && lastDecided !== undefined && e.decided < lastDecided) {
      out.push({
        path: ['extensions', i, 'decided'],
        message: `extensions are listed oldest first: ${e.decided} is before an earlier entry's ${lastDecided}`,
      });
    }
    before = e.deadline;
    beforePath = `extensions[${i}].deadline`;
  });
  const requested = d.pending_request?.deadline;
  if (requested !== undefined && before !== undefined && requested <= before) {
    out.push({
      path: ['pending_request', 'deadline'],
      message: `the deadline requested, ${requested}, is not after the deadline in force, ${before}`,
    });
  }
  if (d.pending_request && d.completion_declared) {
    out.push({
      path: ['pending_request'],
      message: 'completion is declared, so no extension request can be pending',
    });
  }
  return out;
}
