import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  PDFHexString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';

/**
 * A tagged PDF's structure tree as plain data: each element's type, attributes that matter
 * for reading (Alt, Lang, ID, table scope), the link annotations it owns, and its children in
 * reading order. Read with pdf-lib; used to finish the tags (tagging.ts) and by the tests.
 */
export interface StructNode {
  type: string;
  /** The type a PDF 1.7 reader sees, through the RoleMap. */
  role: string;
  alt?: string;
  lang?: string;
  id?: string;
  /** TH scope (Row, Column, Both). */
  scope?: string;
  /** Link annotations owned through OBJR: their named destination or web address. */
  links: { dest?: string; uri?: string; page?: number }[];
  /** Marked-content items (text, graphics) directly inside, with the page they are on. */
  content: { mcid: number; page: number | undefined }[];
  children: StructNode[];
  dict: PDFDict;
  ref: PDFRef | undefined;
}

/** The names read for every element, made once (making a name decodes its #xx escapes). */
const N = {
  Type: PDFName.of('Type'),
  S: PDFName.of('S'),
  Pg: PDFName.of('Pg'),
  A: PDFName.of('A'),
  Scope: PDFName.of('Scope'),
  Alt: PDFName.of('Alt'),
  Lang: PDFName.of('Lang'),
  ID: PDFName.of('ID'),
  K: PDFName.of('K'),
  MCID: PDFName.of('MCID'),
  Obj: PDFName.of('Obj'),
  Subtype: PDFName.of('Subtype'),
};

/**
 * Each name's text, decoded once: pdf-lib keeps one object per name, and decoding parses its
 * #xx escapes again on every call (reading a profile's structure tree decoded ~10,000 names:
 * half of the time finishing a PDF spent reading its tags).
 */
const nameTexts = new Map<PDFName, string>();

function nameText(n: PDFName): string {
  let t = nameTexts.get(n);
  if (t === undefined) {
    t = n.decodeText();
    nameTexts.set(n, t);
  }
  return t;
}

export const text = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString
    ? o.decodeText()
    : o instanceof PDFName
      ? nameText(o)
      : undefined;

/** The named destination or web address a link annotation goes to. */
export function linkTarget(doc: PDFDocument, annot: PDFDict): { dest?: string; uri?: string } {
  const dest = annot.get(PDFName.of('Dest'));
  if (dest) return { dest: text(doc.context.lookup(dest)) };
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  if (!action) return {};
  const uri = text(action.lookup(PDFName.of('URI')));
  if (uri) return { uri };
  const d = text(action.lookup(PDFName.of('D')));
  return d ? { dest: d } : {};
}

export function readStructure(doc: PDFDocument): {
  root: PDFDict | undefined;
  tree: StructNode[];
  lang: string | undefined;
} {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const lang = text(doc.catalog.lookup(N.Lang));
  if (!root) return { root, tree: [], lang };
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  const pageIndex = new Map<PDFRef, number>(doc.getPages().map((p, i) => [p.ref, i]));
  const roles = new Map<string, string>();
  const roleOf = (type: string): string => {
    const known = roles.get(type);
    if (known !== undefined) return known;
    let role = type;
    for (let hops = 0; hops < 10; hops++) {
      const mapped = roleMap ? text(roleMap.get(PDFName.of(role))) : undefined;
      if (!mapped || mapped === role) break;
      role = mapped;
    }
    roles.set(type, role);
    return role;
  };
  const seen = new Set<PDFDict>();

  const visit = (o: PDFObject | undefined, page: PDFRef | undefined): StructNode[] => {
    const v = o === undefined ? undefined : doc.context.lookup(o);
    if (v instanceof PDFArray) return v.asArray().flatMap((k) => visit(k, page));
    if (!(v instanceof PDFDict) || seen.has(v)) return [];
    const kind = text(v.get(N.Type));
    if (kind === 'MCR' || kind === 'OBJR') return [];
    seen.add(v);
    const type = text(v.get(N.S)) ?? '';
    const pg = v.get(N.Pg);
    const ownPage = pg instanceof PDFRef ? pg : page;
    const attrs = v.lookup(N.A);
    const attrList =
      attrs instanceof PDFArray ? attrs.asArray().map((a) => doc.context.lookup(a)) : [attrs];
    const scope = attrList
      .map((a) => (a instanceof PDFDict ? text(a.get(N.Scope)) : undefined))
      .find(Boolean);
    const node: StructNode = {
      type,
      role: roleOf(type),
      alt: text(v.lookup(N.Alt)),
      lang: text(v.lookup(N.Lang)),
      id: text(v.lookup(N.ID)),
      scope,
      links: [],
      content: [],
      children: [],
      dict: v,
      ref: o instanceof PDFRef ? o : undefined,
    };
    const kids = v.get(N.K);
    const list =
      kids === undefined
        ? []
        : (() => {
            const k = doc.context.lookup(kids);
            return k instanceof PDFArray ? k.asArray() : [kids];
          })();
    for (const kid of list) {
      const k = doc.context.lookup(kid);
      if (k instanceof PDFNumber)
        node.content.push({
          mcid: k.asNumber(),
          page: ownPage ? pageIndex.get(ownPage) : undefined,
        });
      else if (k instanceof PDFDict && text(k.get(N.Type)) === 'MCR') {
        const mcid = k.lookup(N.MCID);
        const kp = k.get(N.Pg);
        const p = kp instanceof PDFRef ? kp : ownPage;
        if (mcid instanceof PDFNumber)
          node.content.push({ mcid: mcid.asNumber(), page: p ? pageIndex.get(p) : undefined });
      } else if (k instanceof PDFDict && text(k.get(N.Type)) === 'OBJR') {
        const annot = k.lookup(N.Obj);
        const kp = k.get(N.Pg);
        const p = kp instanceof PDFRef ? kp : ownPage;
        if (annot instanceof PDFDict && text(annot.get(N.Subtype)) === 'Link') {
          node.links.push({ ...linkTarget(doc, annot), page: p ? pageIndex.get(p) : undefined });
        }
      } else {
        node.children.push(...visit(kid, ownPage));
      }
    }
    return [node];
  };
  return { root, tree: visit(root.get(N.K), undefined), lang };
}

/** Every node of a tree, depth first, in reading order. */
export function* walk(nodes: readonly StructNode[]): Generator<StructNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}
