import path from 'node:path';
import { displayPath } from '../project.js';

/**
 * How to name a file in messages: as the user gave it on the command line ("FILE as given"),
 * a file found under a folder they gave by that folder's name, a file beside one they gave
 * (its edition metadata) by the same folder, and anything else relative to the project root.
 */
export function displayAsGiven(given: readonly string[], cwd: string): (file: string) => string {
  const roots = given.map((g) => ({ g, abs: path.resolve(cwd, g) }));
  return (file) => {
    const abs = path.resolve(file);
    for (const { g, abs: root } of roots) {
      if (abs === root) return g;
      if (abs.startsWith(root + path.sep)) return path.join(g, path.relative(root, abs));
    }
    for (const { g, abs: root } of roots) {
      if (path.dirname(abs) === path.dirname(root))
        return path.join(path.dirname(g), path.basename(abs));
    }
    return displayPath(abs);
  };
}
