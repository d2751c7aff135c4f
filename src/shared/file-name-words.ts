/**
 * A name as it goes into a file name: letters (with their marks), digits, the rest a hyphen.
 * The marks matter: Devanagari's vowel signs and viramas, Arabic's harakat and Thai's vowels are marks
 * (\p{M}), not letters, and "शर्मा" without them became "शर-म" (a president's statement file name).
 */
export function fileNameWords(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}
