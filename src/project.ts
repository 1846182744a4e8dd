import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The project root, found from this module's own place (src/ under vitest, dist/ when
 * compiled: both one level down), so output paths do not depend on the current folder.
 */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const paths = {
  data: path.join(PROJECT_ROOT, 'data'),
  editions: path.join(PROJECT_ROOT, 'data', 'editions'),
  templates: path.join(PROJECT_ROOT, 'templates'),
  styles: path.join(PROJECT_ROOT, 'styles'),
  output: path.join(PROJECT_ROOT, 'output'),
  schemas: path.join(PROJECT_ROOT, 'schemas'),
  fonts: path.join(PROJECT_ROOT, 'node_modules', '@expo-google-fonts', 'source-sans-3'),
};

/** A path as a person should read it in messages: relative to the project root when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(PROJECT_ROOT, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
