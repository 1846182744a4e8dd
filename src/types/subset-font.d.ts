declare module 'subset-font' {
  /** A font reduced to the characters of `text`, converted to `targetFormat` (harfbuzz hb-subset). */
  export default function subsetFont(
    font: Buffer | Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; keepFeatures?: string[] },
  ): Promise<Buffer>;
}
