/**
 * A PDF content-stream lexer, enough to find operators and their operands: numbers, names,
 * strings (literal with nesting and escapes, hex), arrays and dictionaries (as nested
 * values), comments, and inline images (BI ... ID <binary> EI), whose data is skipped.
 */

export type Operand =
  | number
  | { name: string }
  | { string: true }
  | Operand[]
  | { dict: Record<string, Operand> }
  | { keyword: string };

export interface Operation {
  op: string;
  operands: Operand[];
  /** For BI: the inline image's dictionary. */
  inlineImage?: Record<string, Operand>;
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export function* operations(data: Uint8Array): Generator<Operation> {
  let i = 0;
  const len = data.length;
  const text = (a: number, b: number) =>
    Buffer.from(data.buffer, data.byteOffset + a, b - a).toString('latin1');

  const skipSpace = () => {
    while (i < len) {
      const c = data[i] as number;
      if (WHITE.has(c)) i++;
      else if (c === 0x25) while (i < len && data[i] !== 0x0a && data[i] !== 0x0d) i++;
      else break;
    }
  };
  const regular = () => {
    const start = i;
    while (i < len && !WHITE.has(data[i] as number) && !DELIM.has(data[i] as number)) i++;
    return text(start, i);
  };
  // Returns a value, or a keyword (an operator, or true/false/null) as { keyword }.
  const value = (): Operand | undefined => {
    skipSpace();
    if (i >= len) return undefined;
    const c = data[i] as number;
    if (c === 0x2f) {
      i++;
      return { name: regular() };
    }
    if (c === 0x28) {
      let depth = 0;
      for (; i < len; i++) {
        const d = data[i];
        if (d === 0x5c) i++;
        else if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
      }
      i++;
      return { string: true };
    }
    if (c === 0x3c && data[i + 1] === 0x3c) {
      i += 2;
      const dict: Record<string, Operand> = {};
      for (;;) {
        skipSpace();
        if (i >= len) break;
        if (data[i] === 0x3e && data[i + 1] === 0x3e) {
          i += 2;
          break;
        }
        const key = value();
        const v = value();
        if (key && typeof key === 'object' && 'name' in key && v !== undefined) dict[key.name] = v;
      }
      return { dict };
    }
    if (c === 0x3c) {
      while (i < len && data[i] !== 0x3e) i++;
      i++;
      return { string: true };
    }
    if (c === 0x5b) {
      i++;
      const items: Operand[] = [];
      for (;;) {
        skipSpace();
        if (i >= len || data[i] === 0x5d) {
          i++;
          break;
        }
        const v = value();
        if (v === undefined) break;
        items.push(v);
      }
      return items;
    }
    if (c === 0x5d || c === 0x7b || c === 0x7d || c === 0x29 || c === 0x3e) {
      i++;
      return { keyword: String.fromCharCode(c) };
    }
    const word = regular();
    const num = Number(word);
    return word !== '' && !Number.isNaN(num) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)
      ? num
      : { keyword: word };
  };

  let operands: Operand[] = [];
  for (;;) {
    const v = value();
    if (v === undefined) return;
    if (typeof v === 'object' && 'keyword' in v && !['true', 'false', 'null'].includes(v.keyword)) {
      if (v.keyword === 'BI') {
        const dict: Record<string, Operand> = {};
        for (;;) {
          const key = value();
          if (
            key === undefined ||
            (typeof key === 'object' && 'keyword' in key && key.keyword === 'ID')
          )
            break;
          const val = value();
          if (key && typeof key === 'object' && 'name' in key && val !== undefined)
            dict[key.name] = val;
        }
        // The image data runs from one byte after ID to whitespace, EI, whitespace-or-end.
        i++;
        while (
          i < len &&
          !(
            WHITE.has(data[i - 1] as number) &&
            data[i] === 0x45 &&
            data[i + 1] === 0x49 &&
            (i + 2 >= len || WHITE.has(data[i + 2] as number))
          )
        )
          i++;
        i += 2;
        yield { op: 'BI', operands: [], inlineImage: dict };
      } else {
        yield { op: v.keyword, operands };
      }
      operands = [];
    } else {
      operands.push(v);
    }
  }
}
