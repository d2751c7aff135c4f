// A name misspelled in BNI Connect's Slips Audit ("Nadia Hadad") offers the member it most likely means
// first ("Did you mean Nadia Haddad?"), and the "Map to member" list says who has left or is only applying.
import { describe, expect, it } from 'vitest';
import { closestMembers, editDistance, memberChoiceLabel } from '../../src/shared/closest-names';

const person = (fullName: string, status = 'active', leftOn: string | null = null, classificationName = 'Florist') => ({ fullName, status, leftOn, classificationName });
// 35 members, as in the secretary's chapter, with a few near-namesakes.
const chapter = [
  person('Nadia Haddad'),
  person('Nadia Hamid'),
  person('Carlos Mendoza'),
  person('Steve Harlan', 'former', '2026-05-01'),
  person('Liam Murphy', 'applicant'),
  person('Zoë Müller'),
  ...Array.from({ length: 29 }, (_, i) => person(`Member Number${i}`)),
];

describe('a misspelled name in the Slips Audit preview', () => {
  it('"Nadia Hadad" is offered Nadia Haddad first, not the whole list', () => {
    expect(closestMembers('Nadia Hadad', chapter).map((m) => m.fullName)).toEqual(['Nadia Haddad']);
  });

  it('case and accents do not count: "zoe muler" means Zoë Müller; "Carlos Mendosa" means Carlos Mendoza', () => {
    expect(closestMembers('zoe muler', chapter).map((m) => m.fullName)).toEqual(['Zoë Müller']);
    expect(closestMembers('Carlos Mendosa', chapter).map((m) => m.fullName)).toEqual(['Carlos Mendoza']);
  });

  it('a visitor whose name is like nobody\'s ("Greg Holloway") is offered no member', () => {
    expect(closestMembers('Greg Holloway', chapter)).toEqual([]);
    expect(closestMembers('', chapter)).toEqual([]);
  });

  it('counts letters, not bytes: one changed letter is one', () => {
    expect(editDistance('haddad', 'hadad')).toBe(1);
    expect(editDistance('王美玲', '王美')).toBe(1);
  });

  it('the list says "Steve Harlan (left 2026-05-01)" and "Liam Murphy (applicant)", and current members plainly', () => {
    expect(memberChoiceLabel(chapter[3]!)).toBe('Steve Harlan (left 2026-05-01)');
    expect(memberChoiceLabel(chapter[4]!)).toBe('Liam Murphy (applicant)');
    expect(memberChoiceLabel(chapter[0]!)).toBe('Nadia Haddad');
    expect(memberChoiceLabel(person('José Díaz', 'on_leave'), 2)).toBe('José Díaz (Florist, on leave)');
  });
});
