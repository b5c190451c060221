/** What the report uses of pdfmake 0.3's server build (`require('pdfmake')`, a ready instance; it ships no types). */
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    addTableLayouts(layouts: Record<string, Record<string, unknown>>): void;
    createPdf(doc: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  }
  const pdfmake: PdfMake;
  export = pdfmake;
}

/** webpack's name for Node's own `require` (left as it is in the bundle); undefined outside webpack. */
declare const __non_webpack_require__: NodeJS.Require | undefined;
