// A visitor's name is one line on the slip; the member record wants a given and a family name.
// The rule guesses (the Apply form shows the guess and lets the secretary correct it); these are
// the names a chapter actually meets.
import { describe, expect, it } from 'vitest';
import { displayName, splitPersonName } from '../../src/shared/names';

const split = (name: string, order: 'given_first' | 'family_first' = 'given_first') => {
  const s = splitPersonName(name, order);
  return [s.givenName, s.familyName, s.nameOrder];
};

describe('splitting a visitor\'s name into given and family name', () => {
  it('an English name: the last word is the family name, middle names stay with the given name', () => {
    expect(split('Kara Lind')).toEqual(['Kara', 'Lind', 'given_first']);
    expect(split('  Mary   Anne Smith ')).toEqual(['Mary Anne', 'Smith', 'given_first']);
    expect(split('Martin Luther King Jr.')).toEqual(['Martin Luther', 'King Jr.', 'given_first']);
    expect(split("Siobhán O'Sullivan-Burke")).toEqual(['Siobhán', "O'Sullivan-Burke", 'given_first']);
  });

  it('a Spanish or Portuguese name of four words has two family names', () => {
    expect(split('María José García López')).toEqual(['María José', 'García López', 'given_first']);
    expect(split('João Pedro Araújo Lima')).toEqual(['João Pedro', 'Araújo Lima', 'given_first']);
    // Three words stay given + given + family: the form says so and the secretary corrects it if needed.
    expect(split('Gabriel García Márquez')).toEqual(['Gabriel García', 'Márquez', 'given_first']);
  });

  it('a family name that starts with a particle keeps it: van, de la, bin, Al', () => {
    expect(split('Ludwig van Beethoven')).toEqual(['Ludwig', 'van Beethoven', 'given_first']);
    expect(split('Ana de la Cruz')).toEqual(['Ana', 'de la Cruz', 'given_first']);
    expect(split('Omar Al Farouk')).toEqual(['Omar', 'Al Farouk', 'given_first']);
    // "Al" as a first name is a first name.
    expect(split('Al Gore')).toEqual(['Al', 'Gore', 'given_first']);
  });

  it('a Chinese name without a space: the first character is the family name, written family name first', () => {
    expect(split('李小龍')).toEqual(['小龍', '李', 'family_first']);
    expect(split('陳大文')).toEqual(['大文', '陳', 'family_first']);
    expect(split('王芳')).toEqual(['芳', '王', 'family_first']);
    expect(split('欧阳娜娜')).toEqual(['娜娜', '欧阳', 'family_first']);
    expect(split('司馬懿')).toEqual(['懿', '司馬', 'family_first']);
    expect(split('李 小龍')).toEqual(['小龍', '李', 'family_first']);
  });

  it('Korean and Japanese names are family name first too', () => {
    expect(split('김민준')).toEqual(['민준', '김', 'family_first']);
    expect(split('남궁민수')).toEqual(['민수', '남궁', 'family_first']);
    expect(split('山田太郎')).toEqual(['太郎', '山田', 'family_first']);
    expect(split('やまだ たろう')).toEqual(['たろう', 'やまだ', 'family_first']);
  });

  it('in a chapter that writes names family first, the first word is the family name', () => {
    expect(split('Kovács János', 'family_first')).toEqual(['János', 'Kovács', 'family_first']);
  });

  it('a name in Arabic or Hindi script splits on its words like any other', () => {
    expect(split('عمر الفاروق')).toEqual(['عمر', 'الفاروق', 'given_first']);
    expect(split('प्रिया शर्मा')).toEqual(['प्रिया', 'शर्मा', 'given_first']);
  });

  it('one word alone is the given name, and the rule says the family name is to be entered', () => {
    const one = splitPersonName('Sukarno');
    expect(one).toMatchObject({ givenName: 'Sukarno', familyName: '' });
    expect(one.rule).toBe('One word: enter the family name.');
    expect(splitPersonName('')).toMatchObject({ givenName: '', familyName: '' });
  });

  it('says which rule it used, so the secretary can check it', () => {
    expect(splitPersonName('María José García López').rule).toBe('A Spanish or Portuguese name: the last two words are the family names.');
    expect(splitPersonName('李小龍').rule).toBe('Written family name first: the first character taken as the family name.');
    expect(splitPersonName('Ludwig van Beethoven').rule).toBe('The family name starts at "van".');
  });

  it('the roster shows the split name back the way the visitor wrote it', () => {
    for (const name of ['李小龍', 'María José García López', 'Kara Lind', '欧阳娜娜', 'Ludwig van Beethoven']) {
      const s = splitPersonName(name);
      expect(displayName(s.givenName, s.familyName, s.nameOrder)).toBe(name);
    }
  });
});
