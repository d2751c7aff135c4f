import type { NameOrder } from './domain';

// Names compared the way people read them: case, accents, apostrophes, spacing and full-width
// letters do not matter. Only marks that are spelling variants are dropped (Latin, Greek and Cyrillic
// accents, Arabic and Hebrew vowel points): the vowel signs of Hindi and other Indic scripts, Thai
// vowels or the voicing marks of Japanese kana are letters, so "राम" (Ram) and "रमा" (Rama) stay
// two names.
/** Combining accents (U+0300–036F and their extensions), Hebrew points, Arabic harakat. */
const spellingMarks = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]/gu;
const printableAscii = /^[\x20-\x7e]*$/;
/** "José  Müller-Łukasz" → "jose muller-lukasz"; "Tom O'Brien" → "tom obrien"; "ＡＮＡ" → "ana". */
export function foldName(text: string): string {
  // Printable ASCII has nothing to decompose or strip but apostrophes and dots: the same result, without
  // the Unicode passes (an import folds every prospect, company and activity of a 100,000-row file).
  if (printableAscii.test(text)) return text.replace(/['.]/g, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(spellingMarks, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/['’.]/g, '')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SplitName {
  givenName: string;
  familyName: string;
  /** How the member's name is written: family name first for a name in Chinese, Japanese or Korean characters. */
  nameOrder: NameOrder;
  /** The rule used, in a sentence the secretary can check against the person. */
  rule: string;
}

/** Chinese, Japanese kana and Korean Hangul: these names are written family name first, often without a space. */
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Two-character family names (Chinese in both scripts, Korean); every other one is a single character. */
const compoundFamilyNames = new Set([
  '欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '夏侯', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容', '令狐',
  '宇文', '长孙', '長孫', '司徒', '司空', '澹台', '轩辕', '軒轅', '端木', '独孤', '獨孤', '南宫', '南宮', '西门', '西門', '呼延', '申屠',
  '남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방',
]);
/** Words that begin a family name: "Ludwig van Beethoven", "Ana de la Cruz", "Omar Al Farouk". */
const familyParticles = new Set(['van', 'von', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'binti', 'ibn', 'bint', 'al', 'el', 'abu', 'st', 'st.', 'san', 'santa']);
const suffixes = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'phd', 'md']);
/** Letters of Spanish and Portuguese: a name with them and four words or more has two family names. */
const iberian = /[áéíóúñãõç]/i;

/**
 * A visitor's name as one line, split into given and family name for the member record. There is
 * no telling for certain from the name alone; this is the rule, and the form lets the secretary
 * correct it:
 * - Chinese, Japanese or Korean characters without a space: the family name comes first and is one
 *   character ("李小龍" → 李 + 小龍), two for a known two-character family name ("欧阳娜娜",
 *   "남궁민") or for a four-character name ("山田太郎" → 山田 + 太郎); name order family first.
 *   With a space ("李 小龍"), the first word is the family name.
 * - A chapter that writes names family first ("Kovács János"): the first word is the family name.
 * - Otherwise the family name is the last word ("Kara Lind", "Mary Anne Smith" → Mary Anne + Smith),
 *   from a particle on ("Ludwig van Beethoven", "Ana de la Cruz"), the last two words for a Spanish
 *   or Portuguese name of four words or more ("María José García López" → María José + García López),
 *   with "Jr.", "III" and the like kept on the family name. One word alone is the given name.
 */
export function splitPersonName(name: string, chapterOrder: NameOrder = 'given_first'): SplitName {
  const clean = name.trim().replace(/\s+/g, ' ');
  const words = clean === '' ? [] : clean.split(' ');
  if (cjk.test(clean)) {
    if (words.length >= 2) {
      return { familyName: words[0]!, givenName: words.slice(1).join(' '), nameOrder: 'family_first', rule: 'Written family name first: the first word is the family name.' };
    }
    const chars = [...clean];
    if (chars.length < 2) return { givenName: clean, familyName: '', nameOrder: 'family_first', rule: 'One character: enter the family name.' };
    const two = chars.slice(0, 2).join('');
    const familyLength = chars.length >= 3 && (compoundFamilyNames.has(two) || chars.length >= 4) ? 2 : 1;
    return {
      familyName: chars.slice(0, familyLength).join(''),
      givenName: chars.slice(familyLength).join(''),
      nameOrder: 'family_first',
      rule: familyLength === 2 ? 'Written family name first: the first two characters taken as the family name.' : 'Written family name first: the first character taken as the family name.',
    };
  }
  if (words.length === 0) return { givenName: '', familyName: '', nameOrder: chapterOrder, rule: '' };
  if (words.length === 1) return { givenName: words[0]!, familyName: '', nameOrder: chapterOrder, rule: 'One word: enter the family name.' };
  if (chapterOrder === 'family_first') {
    return { familyName: words[0]!, givenName: words.slice(1).join(' '), nameOrder: 'family_first', rule: 'The chapter writes names family name first: the first word is the family name.' };
  }
  const suffixAt = words.length > 2 && suffixes.has(words.at(-1)!.toLowerCase()) ? words.length - 1 : words.length;
  const body = words.slice(0, suffixAt);
  const suffix = words.slice(suffixAt);
  const particleAt = body.findIndex((w, i) => i >= 1 && i < body.length - 1 && familyParticles.has(w.toLowerCase()));
  let familyFrom = body.length - 1;
  let rule = 'The last word is the family name.';
  if (particleAt >= 1) {
    familyFrom = particleAt;
    rule = `The family name starts at "${body[particleAt]}".`;
  } else if (body.length >= 4 && iberian.test(clean)) {
    familyFrom = body.length - 2;
    rule = 'A Spanish or Portuguese name: the last two words are the family names.';
  }
  return { givenName: body.slice(0, familyFrom).join(' '), familyName: [...body.slice(familyFrom), ...suffix].join(' '), nameOrder: 'given_first', rule };
}

/**
 * A member's name as the roster shows it (the same rule as the database's display_name): family name
 * first when the order says so, without a space after a family name in Chinese, Japanese or Korean.
 */
export function displayName(firstName: string, lastName: string, order: NameOrder): string {
  if (order === 'family_first') return `${lastName}${(lastName.codePointAt(0) ?? 0) >= 11904 ? '' : ' '}${firstName}`;
  return `${firstName} ${lastName}`;
}
