// The slip bar's member picker on meeting night: Enter takes the first line, so the member meant must be
// first — a fresh-eyes secretary typed "Olumide Murphy 9" and Enter credited Olumide Murphy 89.
import { describe, expect, it } from 'vitest';
import { matchMembers, outsideChoiceTyped, type PickableMember } from '../../src/renderer/components/MemberPicker';

const member = (name: string, company = 'Acme', classificationName = 'Plumber'): PickableMember => ({ id: name, name, company, classificationName });
const roster = [
  member('Olumide Murphy 89'),
  member('Kim Ahlee', 'Ahlee Dental', 'Dentist'),
  member('Olumide Murphy 9'),
  member('Kim Lee', 'Lee Realty', 'Realtor'),
  member('José Díaz', 'Díaz Café', 'Caterer'),
  member('Dana Ruiz', 'Ruiz Homes', 'Realtor'),
  member('أميرة حداد', 'حداد للتجارة', 'Accountant'),
  member('王芳', '芳华设计', 'Designer'),
];
const names = (search: string) => matchMembers(roster, search).map((m) => m.name);

describe('which member Enter takes in the slip bar', () => {
  it('the name exactly as typed comes first, even when a longer name containing it is earlier in the roster', () => {
    expect(names('Olumide Murphy 9')[0]).toBe('Olumide Murphy 9');
    expect(names('olumide murphy 9')[0]).toBe('Olumide Murphy 9');
  });

  it('a whole word of the name beats a word that merely contains it ("olumide 9", "kim lee")', () => {
    expect(names('Olumide 9')).toEqual(['Olumide Murphy 9', 'Olumide Murphy 89']);
    expect(names('kim lee')).toEqual(['Kim Lee', 'Kim Ahlee']);
  });

  it('a word that begins a name comes before one found inside a word; otherwise the roster order stays', () => {
    expect(names('lee')).toEqual(['Kim Lee', 'Kim Ahlee']);
    expect(names('real')).toEqual(['Kim Lee', 'Dana Ruiz']);
    expect(names('olu')).toEqual(['Olumide Murphy 89', 'Olumide Murphy 9']);
  });

  it('a name beginning with what was typed comes before a company or classification beginning with it (a fresh-eyes secretary typed "gre" and credited Oliver Grant of Greenline)', () => {
    const chapter = [
      member('Aisha Bello', 'Bello Spine', 'Chiropractic'),
      member('Marcus Chen', 'Chen Legal', 'Business Attorney'),
      member('Chloé Dubois', 'Dubois Events', 'Catering'),
      member('Oliver Grant', 'Greenline Landscaping', 'Landscaping'),
      member('Greg Holloway', 'Holloway Roofing', 'Roofing'),
      member('Peter Novak', 'Novak Print', 'Commercial Printing'),
      member('Priya Raman', 'Raman Wealth', 'Financial Advisor'),
    ];
    const first = (search: string) => matchMembers(chapter, search).map((m) => m.name);
    expect(first('gre')).toEqual(['Greg Holloway', 'Oliver Grant']);
    expect(first('pri')).toEqual(['Priya Raman', 'Peter Novak']);
    expect(first('ch')).toEqual(['Marcus Chen', 'Chloé Dubois', 'Aisha Bello']);
    // The company still finds the member when no name begins so.
    expect(first('greenl')).toEqual(['Oliver Grant']);
  });

  it('still finds by company or classification, without accents, and in any script', () => {
    expect(names('dan real')).toEqual(['Dana Ruiz']);
    expect(names('jose diaz')).toEqual(['José Díaz']);
    expect(names('أميرة')).toEqual(['أميرة حداد']);
    expect(names('王芳')).toEqual(['王芳']);
    expect(names('nobody')).toEqual([]);
    expect(names('')).toHaveLength(roster.length);
  });
});

describe('typing the outside choice by its own word', () => {
  it('"visi", "Visitor", "other", "bni" name their choice; one letter or a person\'s name does not', () => {
    expect(outsideChoiceTyped('visi')?.id).toBe('@visitor');
    expect(outsideChoiceTyped('Visitor')?.id).toBe('@visitor');
    expect(outsideChoiceTyped('other')?.id).toBe('@other_chapter');
    expect(outsideChoiceTyped('Other chapter')?.id).toBe('@other_chapter');
    expect(outsideChoiceTyped('BNI')?.id).toBe('@bni');
    expect(outsideChoiceTyped('v')).toBeNull();
    expect(outsideChoiceTyped('Li Wei')).toBeNull();
    expect(outsideChoiceTyped('Visitors Bureau Ltd')).toBeNull();
  });
});
