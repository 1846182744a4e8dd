import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import { operations, type Operand } from './content-lexer.js';

/** What a colour is made of on press. 'registration' is Separation /All (marks on every plate). */
export type ColourFamily =
  | 'gray'
  | 'rgb'
  | 'cmyk'
  | 'lab'
  | 'registration'
  | 'spot'
  | 'none'
  | 'unknown';

export interface PressScan {
  /** Content streams read: page contents, forms, tiling patterns, Type 3 glyphs. */
  streams: number;
  images: number;
  shadings: number;
  /** How often each family is used, by kind of use ('fill/stroke', 'image', 'shading', 'group'). */
  uses: Record<string, number>;
  /** Where a family that does not print as CMYK is used (at most 20 places). */
  offending: string[];
  /** Every font in the resources of what was read. */
  fonts: PDFDict[];
}

/** Families a CMYK press accepts: process colours, gray (printed on K), registration, spots. */
export const PRESS_FAMILIES: ReadonlySet<ColourFamily> = new Set([
  'cmyk',
  'gray',
  'registration',
  'spot',
  'none',
]);

const name = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);

/** Reads every page's content the way a RIP would, and records each colour space it meets. */
export function scanPress(doc: PDFDocument): PressScan {
  const scan: PressScan = {
    streams: 0,
    images: 0,
    shadings: 0,
    uses: {},
    offending: [],
    fonts: [],
  };
  const seen = new Set<PDFObject>();
  const fontsSeen = new Set<PDFDict>();
  const lookup = (o: PDFObject | undefined) =>
    o === undefined ? undefined : doc.context.lookup(o);
  const dictOf = (o: PDFObject | undefined) => {
    const v = lookup(o);
    return v instanceof PDFDict ? v : v instanceof PDFStream ? v.dict : undefined;
  };

  const record = (family: ColourFamily, use: string, where: string) => {
    const key = `${family} ${use}`;
    scan.uses[key] = (scan.uses[key] ?? 0) + 1;
    const at = `${where}: ${family} ${use}`;
    if (!PRESS_FAMILIES.has(family) && scan.offending.length < 20 && !scan.offending.includes(at))
      scan.offending.push(at);
  };

  const classify = (cs: PDFObject | undefined, resources: PDFDict | undefined): ColourFamily => {
    const v = lookup(cs);
    const n = name(v);
    if (n !== undefined) {
      if (n === 'DeviceGray' || n === 'G' || n === 'CalGray') return 'gray';
      if (n === 'DeviceRGB' || n === 'RGB') return 'rgb';
      if (n === 'DeviceCMYK' || n === 'CMYK') return 'cmyk';
      if (n === 'Pattern') return 'none'; // the pattern's own content is read where it is painted
      const named =
        resources && dictOf(resources.get(PDFName.of('ColorSpace')))?.get(PDFName.of(n));
      return named ? classify(named, undefined) : 'unknown';
    }
    if (!(v instanceof PDFArray) || v.size() === 0) return 'unknown';
    const family = name(v.get(0));
    switch (family) {
      case 'ICCBased': {
        const stream = lookup(v.get(1));
        const channels =
          stream instanceof PDFStream ? stream.dict.lookup(PDFName.of('N')) : undefined;
        const count = channels instanceof PDFNumber ? channels.asNumber() : 0;
        return count === 1 ? 'gray' : count === 3 ? 'rgb' : count === 4 ? 'cmyk' : 'unknown';
      }
      case 'CalGray':
        return 'gray';
      case 'CalRGB':
        return 'rgb';
      case 'Lab':
        return 'lab';
      case 'Indexed':
      case 'I':
        return classify(v.get(1), resources);
      case 'Pattern':
        return v.size() > 1 ? classify(v.get(1), resources) : 'none';
      case 'Separation': {
        const colorant = name(lookup(v.get(1)));
        return colorant === 'All' ? 'registration' : colorant === 'None' ? 'none' : 'spot';
      }
      case 'DeviceN':
        return 'spot';
      default:
        return classify(v.get(0), resources);
    }
  };

  const resourceDict = (resources: PDFDict | undefined, kind: string, key: string) =>
    resources && dictOf(resources.get(PDFName.of(kind)))?.get(PDFName.of(key));

  const collectFonts = (resources: PDFDict | undefined) => {
    const fonts = resources && dictOf(resources.get(PDFName.of('Font')));
    for (const [, ref] of fonts?.entries() ?? []) {
      const font = dictOf(ref);
      if (!font || fontsSeen.has(font)) continue;
      fontsSeen.add(font);
      scan.fonts.push(font);
      if (name(font.get(PDFName.of('Subtype'))) === 'Type3') {
        const procs = dictOf(font.get(PDFName.of('CharProcs')));
        const own = dictOf(font.get(PDFName.of('Resources'))) ?? resources;
        for (const [, glyph] of procs?.entries() ?? []) readStream(glyph, own, 'Type 3 glyph');
      }
    }
  };

  const readGroup = (dict: PDFDict | undefined, where: string, resources: PDFDict | undefined) => {
    const group = dict && dictOf(dict.get(PDFName.of('Group')));
    const cs = group?.get(PDFName.of('CS'));
    if (cs) record(classify(cs, resources), 'group', where);
  };

  const readShading = (
    shading: PDFObject | undefined,
    where: string,
    resources: PDFDict | undefined,
  ) => {
    const dict = dictOf(shading);
    if (!dict) return;
    scan.shadings++;
    record(classify(dict.get(PDFName.of('ColorSpace')), resources), 'shading', where);
  };

  const readXObject = (
    ref: PDFObject | undefined,
    where: string,
    resources: PDFDict | undefined,
  ) => {
    const stream = lookup(ref);
    if (!(stream instanceof PDFStream) || seen.has(stream)) return;
    const subtype = name(stream.dict.get(PDFName.of('Subtype')));
    if (subtype === 'Image') {
      seen.add(stream);
      scan.images++;
      if (stream.dict.lookup(PDFName.of('ImageMask'))?.toString() !== 'true') {
        record(classify(stream.dict.get(PDFName.of('ColorSpace')), resources), 'image', where);
      }
      const smask = stream.dict.get(PDFName.of('SMask'));
      if (smask) readXObject(smask, `${where} soft mask`, resources);
    } else if (subtype === 'Form') {
      readStream(
        stream,
        dictOf(stream.dict.get(PDFName.of('Resources'))) ?? resources,
        `${where} form`,
      );
    }
  };

  function readStream(
    ref: PDFObject | undefined,
    resources: PDFDict | undefined,
    where: string,
  ): void {
    const stream = lookup(ref);
    if (!(stream instanceof PDFStream) || seen.has(stream)) return;
    seen.add(stream);
    scan.streams++;
    collectFonts(resources);
    readGroup(stream.dict, where, resources);
    const bytes =
      stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
    for (const { op, operands, inlineImage } of operations(bytes)) {
      const last = operands[operands.length - 1];
      const lastName = last && typeof last === 'object' && 'name' in last ? last.name : undefined;
      switch (op) {
        case 'g':
        case 'G':
          record('gray', 'fill/stroke', where);
          break;
        case 'rg':
        case 'RG':
          record('rgb', 'fill/stroke', where);
          break;
        case 'k':
        case 'K':
          record('cmyk', 'fill/stroke', where);
          break;
        case 'cs':
        case 'CS':
          if (lastName) record(classify(PDFName.of(lastName), resources), 'fill/stroke', where);
          break;
        case 'scn':
        case 'SCN':
          if (lastName) {
            const pattern = lookup(resourceDict(resources, 'Pattern', lastName));
            // A tiling pattern is a content stream of its own; a shading pattern holds a shading.
            if (pattern instanceof PDFStream)
              readStream(
                pattern,
                dictOf(pattern.dict.get(PDFName.of('Resources'))) ?? resources,
                `${where} pattern`,
              );
            else if (pattern instanceof PDFDict)
              readShading(pattern.get(PDFName.of('Shading')), `${where} pattern`, resources);
          }
          break;
        case 'sh':
          if (lastName) readShading(resourceDict(resources, 'Shading', lastName), where, resources);
          break;
        case 'Do':
          if (lastName) readXObject(resourceDict(resources, 'XObject', lastName), where, resources);
          break;
        case 'gs': {
          const state = lastName
            ? dictOf(resourceDict(resources, 'ExtGState', lastName))
            : undefined;
          const mask = state && dictOf(state.get(PDFName.of('SMask')));
          const form = mask?.get(PDFName.of('G'));
          if (form) readXObject(form, `${where} soft mask`, resources);
          break;
        }
        case 'BI': {
          scan.images++;
          const cs = inlineImage?.CS ?? inlineImage?.ColorSpace;
          const im = inlineImage?.IM ?? inlineImage?.ImageMask;
          const isMask = typeof im === 'object' && 'keyword' in im && im.keyword === 'true';
          if (!isMask)
            record(classify(operandToPdf(cs), resources), 'image', `${where} inline image`);
          break;
        }
      }
    }
  }

  doc.getPages().forEach((page, i) => {
    const resources = page.node.Resources();
    readGroup(page.node, `page ${i + 1}`, resources);
    const contents = page.node.Contents();
    const parts = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    // The page's streams are one content stream, split: read them as one.
    const joined = parts
      .map((p) => lookup(p))
      .filter((s): s is PDFStream => s instanceof PDFStream);
    const bytes = joined.map((s) =>
      s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s.getContents(),
    );
    const whole = new Uint8Array(bytes.reduce((n, b) => n + b.length + 1, 0));
    let at = 0;
    for (const b of bytes) {
      whole.set(b, at);
      whole[at + b.length] = 0x0a;
      at += b.length + 1;
    }
    readStream(doc.context.stream(whole), resources, `page ${i + 1}`);
  });
  return scan;
}

/** An inline image's colour space as a name: its own, or an indexed one's base. */
function operandToPdf(o: Operand | undefined): PDFObject | undefined {
  const nameOf = (v: Operand | undefined) =>
    v && typeof v === 'object' && 'name' in v ? v.name : undefined;
  if (!Array.isArray(o))
    return nameOf(o) === undefined ? undefined : PDFName.of(nameOf(o) as string);
  const [family, base] = [nameOf(o[0]), nameOf(o[1])];
  if ((family === 'I' || family === 'Indexed') && base) return PDFName.of(base);
  return family === undefined ? undefined : PDFName.of(family);
}
