import { displayPath } from '../project.js';
import { findCountryFiles, type Selection } from '../data/find.js';

const MAX_LISTED = 12;

/**
 * The message for a selection that matches no data file, listing what does exist nearest to
 * it: the countries of the edition and kind asked for, else the editions and kinds there are.
 */
export async function nothingMatches(editionsDir: string, sel: Selection): Promise<string> {
  const asked = [
    sel.edition !== undefined ? `--edition ${sel.edition}` : '',
    sel.kind ? `--report ${sel.kind}` : '',
    sel.country ? `--country ${sel.country}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const head = `no data files match ${asked || 'the selection'} under ${displayPath(editionsDir)}`;
  const wider = await findCountryFiles(editionsDir, { edition: sel.edition, kind: sel.kind });
  if (sel.country && wider.length > 0) {
    const names = [...new Set(wider.map((c) => c.country))];
    const list = names.slice(0, MAX_LISTED).join(', ');
    return `${head}; countries there: ${list}${names.length > MAX_LISTED ? `, and ${names.length - MAX_LISTED} more` : ''}`;
  }
  const everything = await findCountryFiles(editionsDir);
  if (everything.length === 0) return `${head}; it holds no data files`;
  const groups = new Map<string, number>();
  for (const c of everything) {
    const g = `${c.edition} ${c.kind}`;
    groups.set(g, (groups.get(g) ?? 0) + 1);
  }
  const list = [...groups].map(([g, n]) => `${g} (${n} ${n === 1 ? 'country' : 'countries'})`);
  return `${head}; there are: ${list.join(', ')}`;
}
