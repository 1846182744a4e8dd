import { describe, expect, it } from 'vitest';
import { parseToUnicode } from '../../../src/pdf/print-variant/to-unicode.js';

// The shapes of map Chromium writes: single characters, a ligature, ranges counting up.
const CHROMIUM = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0001> <0020>
<02B2> <00660074>
endbfchar
3 beginbfrange
<0002> <001A> <0041>
<0588> <0589> <2013>
<0600> <0601> [<0031> <0032>]
endbfrange
endcmap`;

describe('ToUnicode maps', () => {
  it('reads characters, ligatures and both kinds of range', () => {
    const map = parseToUnicode(CHROMIUM);
    expect(map.get(0x1)).toBe(' ');
    expect(map.get(0x2b2)).toBe('ft');
    expect(map.get(0x2)).toBe('A');
    expect(map.get(0x1a)).toBe('Y');
    // Where Ghostscript 10.0 wrote "3": the en dash, then the em dash.
    expect(map.get(0x588)).toBe('–');
    expect(map.get(0x589)).toBe('—');
    expect(map.get(0x601)).toBe('2');
    expect(map.size).toBe(2 + 25 + 2 + 2);
  });
});
