// Names compared the way people read them: case, accents, apostrophes and spacing do not matter.
/** "José  Müller-Łukasz" → "jose muller-lukasz"; "Tom O'Brien" → "tom obrien". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/['’.]/g, '')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
