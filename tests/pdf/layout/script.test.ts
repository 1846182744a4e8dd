import { describe, expect, it } from 'vitest';
import { LAYOUT_PARTS, LAYOUT_SCRIPT } from '../../../src/pdf/layout/script.js';

/**
 * The parts travel to the page as source text: each must be declared with the name the page
 * calls it by, and none may lean on a value imported in node (the page has no modules).
 */
describe('the layout script', () => {
  it('names each part as it is declared', () => {
    for (const [name, part] of Object.entries(LAYOUT_PARTS)) {
      expect(part.name, name).toBe(name);
      expect(String(part).startsWith(`function ${name}(`), name).toBe(true);
    }
  });

  it('holds no reference to a module binding, so it runs the same from dist/ and under vitest', () => {
    expect(LAYOUT_SCRIPT).not.toMatch(/__vi_|import\(|require\(|\bexports\b/);
  });
});
