/** Types for `@pushcorn/hocon-parser` 1.3 (CommonJS, no bundled types): only what we call. */
declare module '@pushcorn/hocon-parser' {
  interface HoconParseOptions {
    /** HOCON source text. */
    readonly text?: string;
    /** A file path or URL to read instead of `text`. */
    readonly url?: string;
    /** Spec-compliant mode: no transforms, no `@` includes, unquoted values stay strings. Always pass `true`. */
    readonly strict?: boolean;
  }
  /** Parses HOCON into plain JSON values; rejects with an Error whose message names the token's line and col. */
  function parse(options: HoconParseOptions): Promise<unknown>;
  export = parse;
}
