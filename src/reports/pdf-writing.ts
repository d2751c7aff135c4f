// pdfkit's page writing without its small allocations. Every drawing operation pdfkit writes into a page
// ("BT", "1 0 0 1 36 770 Tm", "/F1 9 Tf", a colour, a line…) became a Buffer of its own, ten or so per
// table cell, later copied into one and compressed: thousands of tiny Buffers a report, much of its
// garbage. Here a page's (or any object's) text operations are kept as text and turned into bytes once,
// at the same place in the same order, with the same encoding ('binary': one byte per character), so the
// object's bytes, its /Length and the compressed stream are exactly what pdfkit wrote (tests compare the
// PDFs' bytes with and without this). Colours written as '#rrggbb' are read once per colour, not once per
// cell; the answer is the same fresh array pdfkit makes.
import { requirePdfmake } from './pdfmake-internals';

interface Reference {
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  buffer: Uint8Array[] | Buffer;
  /** Text operations written since the last bytes (ours). */
  pending?: string[];
  write(chunk: unknown): void;
  finalize(): void;
}
interface ColorMixin {
  _normalizeColor(color: unknown): unknown;
}

let saved: { write: Reference['write']; finalize: Reference['finalize']; normalize: ColorMixin['_normalizeColor'] } | null = null;
let referenceProto: Reference | null = null;
let documentProto: ColorMixin | null = null;

function settle(ref: Reference): void {
  const pending = ref.pending;
  if (pending && pending.length) {
    (ref.buffer as Uint8Array[]).push(Buffer.from(pending.join(''), 'binary'));
    ref.pending = [];
  }
}

function write(this: Reference, chunk: unknown): void {
  let length: number;
  if (chunk instanceof Uint8Array) {
    settle(this);
    (this.buffer as Uint8Array[]).push(chunk);
    length = chunk.length;
  } else {
    // As pdfkit: `chunk + '\n'` in 'binary' (one byte per UTF-16 unit), so its length is its byte count.
    const text = (chunk as string) + '\n';
    (this.pending ??= []).push(text);
    length = text.length;
  }
  this.uncompressedLength += length;
  if (this.data.Length == null) this.data.Length = 0;
  this.data.Length += length;
  if (this.compress) this.data.Filter = 'FlateDecode';
}

function finalize(this: Reference): void {
  settle(this);
  saved!.finalize.call(this);
}

const parsedColors = new Map<string, number[]>();
function normalizeColor(this: ColorMixin, color: unknown): unknown {
  if (typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color)) {
    let parsed = parsedColors.get(color);
    if (!parsed) {
      const hex = parseInt(color.slice(1), 16);
      parsed = [(hex >> 16) / 255, ((hex >> 8) & 0xff) / 255, (hex & 0xff) / 255];
      if (parsedColors.size < 4096) parsedColors.set(color, parsed);
    }
    return parsed.slice();
  }
  return saved!.normalize.call(this, color);
}

/** Installs (or with `on = false` removes) the faster page writing for every later PDF. Idempotent. */
export function fastPdfWriting(on = true): void {
  if (!referenceProto) {
    const { default: PDFDocument } = requirePdfmake<{ default: new (fonts: object, images: object, patterns: object, attachments: object, options: object) => { ref(data?: object): Reference } }>('pdfmake/js/PDFDocument');
    // pdfkit does not export its object class: one is made on a throwaway document to reach it.
    const probe = new PDFDocument({}, {}, {}, {}, { autoFirstPage: false });
    referenceProto = Object.getPrototypeOf(probe.ref({})) as Reference;
    documentProto = PDFDocument.prototype as unknown as ColorMixin;
    saved = { write: referenceProto.write, finalize: referenceProto.finalize, normalize: documentProto._normalizeColor };
  }
  referenceProto.write = on ? write : saved!.write;
  referenceProto.finalize = on ? finalize : saved!.finalize;
  documentProto!._normalizeColor = on ? normalizeColor : saved!.normalize;
}
