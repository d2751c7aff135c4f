import type { LegacyEncoding } from '../shared/text-encodings';

/** A chosen file's bytes as base64, in slices so a large export does not overflow the call stack. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An import file as the previews send it: its name, its bytes, and how to read it when it is not Unicode (the preview's "Read as"). */
export interface ChosenFile {
  fileName: string;
  contentBase64: string;
  readAs?: LegacyEncoding;
}
