/** subset-font ships no types: the one call the build makes (client/build/subset-fonts.ts). */
declare module "subset-font" {
  export default function subsetFont(font: Buffer, text: string, options?: { targetFormat?: "sfnt" | "woff" | "woff2"; preserveNameIds?: number[] }): Promise<Buffer>;
}
