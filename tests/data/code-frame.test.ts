/**
 * A syntax error comes with the lines around it and a caret under the column, so an editor
 * sees the mistake without opening the file.
 */
import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/data/code-frame.js';

const TEXT = [
  'schema_version: 1',
  'report: clearing-the-mines',
  'country: Kosovo: Republic of',
  'edition: 2025',
  '',
].join('\n');

describe('codeFrame', () => {
  it('shows the line before and after, marks the line and puts a caret under the column', () => {
    expect(codeFrame(TEXT, 3, 16)).toBe(
      [
        '  2 | report: clearing-the-mines',
        '> 3 | country: Kosovo: Republic of',
        '    |                ^',
        '  4 | edition: 2025',
      ].join('\n'),
    );
  });

  it('stops at the first and last line of the file', () => {
    expect(codeFrame(TEXT, 1, 1).split('\n')).toEqual([
      '> 1 | schema_version: 1',
      '    | ^',
      '  2 | report: clearing-the-mines',
    ]);
    expect(codeFrame(TEXT, 4, 10).split('\n')[0]).toBe('  3 | country: Kosovo: Republic of');
    expect(codeFrame(TEXT, 4, 10).split('\n')).toHaveLength(3);
  });

  it('pads line numbers to the widest one shown', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line${i + 1}: x`).join('\n');
    expect(codeFrame(text, 10, 1).split('\n')).toEqual([
      '   9 | line9: x',
      '> 10 | line10: x',
      '     | ^',
      '  11 | line11: x',
    ]);
  });

  it('keeps a tab in the caret line so the caret lines up with the text', () => {
    expect(codeFrame('a:\n\tb: 1\n', 2, 2).split('\n')[2]).toBe('    | \t^');
  });

  it('cuts a long line to a window around the column', () => {
    const long = `p: ${'word '.repeat(100)}ERROR ${'tail '.repeat(100)}`;
    const col = long.indexOf('ERROR') + 1;
    const [line, caret] = codeFrame(long, 1, col).split('\n');
    expect(line?.length).toBeLessThan(120);
    expect(line).toMatch(/^> 1 \| ….*ERROR.*…$/);
    expect(line?.indexOf('ERROR')).toBe(caret?.indexOf('^'));
  });

  it('shows control characters as a replacement character, never raw', () => {
    expect(codeFrame('a: x\u0000y\n', 1, 5)).toContain('a: x\ufffdy');
  });

  it('does not fail on a position past the end of the file', () => {
    expect(codeFrame('a: 1\n', 9, 40)).toBe('> 1 | a: 1\n    |     ^'); // the caret just after the text
  });
});
