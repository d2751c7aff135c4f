// saxen (already the XML reader of read-excel-file) ships no types: the part the SpreadsheetML reader uses.
declare module 'saxen' {
  type ContextGetter = () => { line: number; column: number; data: string };
  type Decode = (text: string) => string;
  export class Parser {
    constructor(options?: { proxy?: boolean });
    on(event: 'openTag', cb: (name: string, attrs: () => Record<string, string>, decode: Decode, selfClosing: boolean, context: ContextGetter) => void): this;
    on(event: 'closeTag', cb: (name: string, decode: Decode, selfClosing: boolean, context: ContextGetter) => void): this;
    on(event: 'text', cb: (value: string, decode: Decode, context: ContextGetter) => void): this;
    on(event: 'cdata', cb: (value: string, context: ContextGetter) => void): this;
    on(event: 'error' | 'warn', cb: (error: Error, context: ContextGetter) => void): this;
    parse(xml: string): Error | undefined;
    /** The next part of a document read in parts; a token cut at its end is held until the next part. */
    write(xml: string): this;
    /** The document's end: a token still held is an error. */
    end(): Error | undefined;
    stop(): void;
  }
}
