/** Colours shared by charts and the stylesheet (styles/ mirrors them as CSS variables). */
export const palette = {
  text: '#1d2733',
  muted: '#5b6673',
  grid: '#e3e7ec',
  primary: '#1b4f72',
  secondary: '#8fb3cf',
  accent: '#d9822b',
} as const;
