/**
 * The house colours, in one place: charts draw with them, and the stylesheet receives them as
 * CSS variables (`--primary-dark` for `primaryDark`, see `paletteCss`).
 */
export const palette = {
  text: '#1d2733',
  muted: '#5b6673',
  rule: '#c9d1da',
  grid: '#e3e7ec',
  primary: '#1b4f72',
  primaryDark: '#123650',
  secondary: '#8fb3cf',
  tint: '#eaf1f7',
  // Text colour too (masthead, "Corrected on…", the contamination level): #d9822b read at
  // 2.9:1 on white and 2.6:1 on the key-data tint; this orange reads at 5.4:1 and 4.7:1 (WCAG AA).
  accent: '#a3560c',
} as const;

/** The palette as CSS custom properties on :root, put before the stylesheets that use them. */
export function paletteCss(): string {
  const vars = Object.entries(palette).map(
    ([name, colour]) => `  --${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${colour};`,
  );
  return `:root {\n${vars.join('\n')}\n}`;
}
