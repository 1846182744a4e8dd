/**
 * A data folder where every free-text field of every report kind holds a hostile string:
 * Arcadia (every part of Clearing the Mines), the sample Freedonia (a performance table that
 * does not apply) and the Monitor's Kosovo 2014, plus a 2019 edition that withdraws a
 * section, Clearing Cluster Munition Remnants' Norvania and Pellucidar, plus the few fields
 * no file uses. Strings the data
 * refuses (a hostile note id, date or URL is refused by validation) are put back, and listed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Document, parseDocument } from 'yaml';
import type { z } from 'zod';
import { PROJECT_ROOT } from '../../src/project.js';
import { EditionMeta, REPORT_SCHEMAS } from '../../src/schema/index.js';
import { runCli } from '../helpers/run-cli.js';
import { type Injected, injectHostile } from './hostile-data.js';

/**
 * Markup for every context (HTML text and attributes, the <style> element, CSS strings and
 * url(), a <meta> refresh, a heading that would print) and a spreadsheet formula at the start.
 */
export const HOSTILE =
  '=HYPERLINK("http://127.0.0.1:9/c")</style></title><script>kdInjected=1</script>' +
  '<img src=http://127.0.0.1:9/i onerror=kdInjected=2><meta http-equiv=refresh content=0;url=http://127.0.0.1:9/>' +
  '<h1>KD-INJECTED</h1><style>body{display:none}</style>"\'&\\{{kd}}';

/**
 * The same attacks, short, for the KEY DATA box: it moves whole, so a long string in each of
 * its fields would make it taller than a page (which the layout guard then rightly reports).
 */
export const HOSTILE_SHORT = '=1+1</style><script>kdInjected=3</script><h1>KD-INJECTED</h1>"\'&';

const hostileAt = (p: readonly (string | number)[]) =>
  p[0] === 'key_data' || (p[0] === 'land_release' && p[1] !== 'comments') ? HOSTILE_SHORT : HOSTILE;

interface HostileFile {
  file: string;
  schema: z.ZodType;
  injected: Injected;
  extras?: (doc: Document.Parsed) => void;
}

const h = HOSTILE;
const ctmExtras = (doc: Document.Parsed) => {
  doc.setIn(['key_data', 'contamination', 'change_reason'], h);
  if (doc.hasIn(['performance'])) doc.setIn(['performance', 'change_reason'], h);
  // KEY DATA moves whole: its strings are the short ones (see HOSTILE_SHORT).
  doc.setIn(['key_data', 'contamination', 'caveat'], HOSTILE_SHORT);
  const mines = doc.getIn(['land_release', 'current', 'mines_destroyed']);
  doc.setIn(
    ['land_release', 'current', 'mines_destroyed'],
    doc.createNode({ during_clearance: mines, other: 0, other_label: HOSTILE_SHORT }),
  );
  for (const t of [
    'contamination_by_type',
    'land_release_summary',
    'survey_by_district',
    'clearance_by_district',
  ])
    if (doc.hasIn(['tables', t])) doc.setIn(['tables', t, 'notes'], [h]);
  const everyField = Object.fromEntries(
    ['author', 'author_short', 'role', 'organisation', 'organisation_short', 'title', 'genre']
      .concat(['event', 'issue', 'edition', 'publisher', 'place', 'date_text', 'pages', 'address'])
      .map((k) => [k, h]),
  );
  doc.setIn(['notes', 'kd_extra'], { text: h, cite: { kind: 'presentation', ...everyField } });
  doc.setIn(['notes', 'kd_parts'], {
    parts: [{ text: h }, { cite: [{ kind: 'email', author: h }] }, { text: h }],
  });
  doc.addIn(['sections', 0, 'blocks'], doc.createNode({ p: `${h}[^kd_extra][^kd_parts]` }));
};

const monitorExtras = (doc: Document.Parsed) => {
  doc.setIn(['corrections'], [{ date: '2014-12-01', change: h, reason: h }]);
  const mbp = ['sections', 'mine_ban_policy'];
  doc.setIn([...mbp, 'tables', 'kd_extra'], {
    caption: h,
    columns: [{ label: h }, { label: h, type: 'number' }],
    rows: [[h, -1234]],
    notes: [h],
  });
  doc.setIn([...mbp, 'notes', 'kd_extra'], {
    cite: { kind: 'presentation', author: h, title: h, genre: h, event: h, edition: h, pages: h },
  });
  for (const block of [{ list: [h] }, { table: 'kd_extra' }, { p: `${h}[^kd_extra]` }])
    doc.addIn([...mbp, 'blocks'], doc.createNode(block));
  doc.setIn(
    ['sections', 'casualties_and_victim_assistance', 'casualty_figures', 'by_item_type'],
    [{ item: h, casualties: 0 }],
  );
  doc.setIn(['sections', 'support_for_mine_action', 'notes', 'kd_extra'], h);
  // Treaty facts, a year without casualty figures, mine action figures (issue 19).
  doc.setIn([...mbp, 'treaty'], {
    status: 'not_party',
    legislation: { status: 'enacted', title: h },
    conduct: { use: h, production: h, stockpile: h, transfer: h },
  });
  doc.addIn([...mbp, 'blocks'], doc.createNode({ table: 'treaty_status' }));
  doc.addIn(
    ['sections', 'casualties_and_victim_assistance', 'casualty_figures', 'annual'],
    doc.createNode({ year: 2014, not_available: true, comment: h }),
  );
  doc.setIn(['sections', 'mine_action', 'contamination'], {
    at_end_of: 2013,
    confirmed_km2: 2.76,
    contaminant: h,
  });
  doc.addIn(
    ['sections', 'mine_action', 'blocks'],
    doc.createNode({ table: 'mine_action_figures' }),
  );
  doc.setIn(['sections', 'mine_action', 'notes', 'kd_extra'], h);
};

const cmrExtras = (doc: Document.Parsed) => {
  doc.setIn(['corrections'], [{ date: '2025-09-01', change: h, reason: h }]);
  // KEY DATA moves whole: its strings are the short ones (see HOSTILE_SHORT).
  doc.setIn(['key_data', 'contamination', 'caveat'], HOSTILE_SHORT);
  doc.setIn(['performance', 'change_reason'], h);
  const everyField = Object.fromEntries(
    ['author', 'author_short', 'role', 'organisation', 'organisation_short', 'title', 'genre']
      .concat(['event', 'issue', 'edition', 'publisher', 'place', 'date_text', 'pages', 'address'])
      .map((k) => [k, h]),
  );
  doc.setIn(['notes', 'kd_extra'], { text: h, cite: { kind: 'presentation', ...everyField } });
  doc.setIn(['notes', 'kd_parts'], {
    parts: [{ text: h }, { cite: [{ kind: 'email', author: h }] }, { text: h }],
  });
  doc.addIn(['sections', 0, 'blocks'], doc.createNode({ p: `${h}[^kd_extra][^kd_parts]` }));
};

const WITHDRAWN_2019 = `schema_version: 2
report: monitor-profile
edition: 2019
country: Kosovo
sections:
  cluster_munition_ban_policy: { withdrawn: true, reason: x }
`;

async function sources(): Promise<
  { rel: string; text: string; schema: z.ZodType; extras?: HostileFile['extras'] }[]
> {
  const read = (rel: string) => readFile(path.join(PROJECT_ROOT, rel), 'utf8');
  const ctm = REPORT_SCHEMAS['clearing-the-mines'];
  const mp = REPORT_SCHEMAS['monitor-profile'];
  const cmr = REPORT_SCHEMAS['clearing-cluster-munition-remnants'];
  const cmrDir = 'data/editions/2025/clearing-cluster-munition-remnants';
  return [
    {
      rel: '2025/clearing-cluster-munition-remnants/_edition.yaml',
      text: await read(`${cmrDir}/_edition.yaml`),
      schema: EditionMeta,
    },
    {
      rel: '2025/clearing-cluster-munition-remnants/norvania.yaml',
      text: await read(`${cmrDir}/norvania.yaml`),
      schema: cmr,
      extras: cmrExtras,
    },
    {
      rel: '2025/clearing-cluster-munition-remnants/pellucidar.yaml',
      text: await read(`${cmrDir}/pellucidar.yaml`),
      schema: cmr,
    },
    {
      rel: '2025/clearing-the-mines/_edition.yaml',
      text: await read('tests/fixtures/editions/2025/clearing-the-mines/_edition.yaml'),
      schema: EditionMeta,
    },
    {
      rel: '2025/clearing-the-mines/arcadia.yaml',
      text: await read('tests/fixtures/editions/2025/clearing-the-mines/arcadia.yaml'),
      schema: ctm,
      extras: ctmExtras,
    },
    {
      rel: '2025/clearing-the-mines/freedonia.yaml',
      text: await read('data/editions/2025/clearing-the-mines/freedonia.yaml'),
      schema: ctm,
    },
    {
      rel: '2014/monitor-profile/_edition.yaml',
      text: await read('data/editions/2014/monitor-profile/_edition.yaml'),
      schema: EditionMeta,
    },
    {
      rel: '2014/monitor-profile/kosovo.yaml',
      text: await read('data/editions/2014/monitor-profile/kosovo.yaml'),
      schema: mp,
      extras: monitorExtras,
    },
    {
      rel: '2019/monitor-profile/_edition.yaml',
      text: await read('data/editions/2019/monitor-profile/_edition.yaml'),
      schema: EditionMeta,
    },
    { rel: '2019/monitor-profile/kosovo.yaml', text: WITHDRAWN_2019, schema: mp },
  ];
}

interface JsonProblem {
  file: string;
  severity: string;
  path: string;
  message: string;
}

export interface HostileEdition {
  editions: string;
  files: HostileFile[];
  /** "file: data.path": hostile strings validation refused, put back to the original. */
  refused: string[];
}

/** Writes the hostile data under `dataDir`, validating until only accepted strings remain. */
export async function writeHostileEdition(dataDir: string): Promise<HostileEdition> {
  const editions = path.join(dataDir, 'editions');
  await mkdir(path.join(dataDir, 'reference'), { recursive: true });
  await writeFile(
    path.join(dataDir, 'reference', 'exchange-rates.yaml'),
    await readFile(path.join(PROJECT_ROOT, 'data', 'reference', 'exchange-rates.yaml')),
  );
  const files: HostileFile[] = [];
  for (const s of await sources()) {
    // The extras go in first, so that what validation refuses of them is put back too.
    const withExtras = parseDocument(s.text);
    s.extras?.(withExtras);
    const injected = injectHostile(withExtras.toString({ lineWidth: 0 }), s.schema, hostileAt);
    files.push({ file: path.join(editions, s.rel), schema: s.schema, injected });
  }
  const refused: string[] = [];
  for (let round = 0; round < 6; round++) {
    for (const f of files) {
      await mkdir(path.dirname(f.file), { recursive: true });
      await writeFile(f.file, f.injected.doc.toString({ lineWidth: 0 }));
    }
    const r = await runCli(['validate', '--format', 'json', editions], dataDir);
    const errors = (JSON.parse(r.stdout || '[]') as JsonProblem[]).filter(
      (p) => p.severity === 'error',
    );
    if (errors.length === 0) return { editions, files, refused };
    let reverted = 0;
    for (const e of errors) {
      const f = files.find((x) => path.resolve(dataDir, e.file) === x.file);
      if (!f) continue;
      for (const [p, v] of f.injected.paths) {
        if (!(p === e.path || p.startsWith(`${e.path}.`) || e.path.startsWith(`${p}.`))) continue;
        if (v.refused !== undefined) continue;
        (v.node as { value: unknown }).value = v.original;
        v.refused = e.message;
        refused.push(`${path.relative(editions, f.file)}: ${p} (${e.message})`);
        reverted++;
      }
    }
    if (reverted === 0)
      throw new Error(`hostile data fails for reasons other than its strings:\n${r.stdout}`);
  }
  throw new Error('hostile data still invalid after 6 rounds');
}
