// The backups list says what each backup holds in words: "1 slip", counting a slip with someone outside the chapter.
import { saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { createMeeting } from '../../src/services/meetings';
import { addMember } from '../../src/services/members';
import { saveOutsidePartySlip } from '../../src/services/slips';
import { expect, test } from './fixtures';

test('a chapter whose one slip is a referral to another chapter backs up as "1 slip"', async ({ page, harness }) => {
  const { db } = harness.database;
  saveChapter(db, { name: 'Harbour Connectors', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  const dana = addMember(db, { firstName: 'Dana', lastName: 'Ruiz', company: '', classificationId: saveClassification(db, { name: 'Realtor', sphereId: null }).id, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null }).id;
  const meeting = createMeeting(db, { meetingOn: '2026-11-17', confirmDate: true });
  saveOutsidePartySlip(db, { meetingId: meeting.id, slipType: 'referral', memberId: dana, direction: 'given', party: { kind: 'other_chapter', name: 'Li Wei', chapterName: 'BNI Harbour' }, referralKind: 'outside', temperature: 3, prospectName: 'Harbour café', prospectPhone: '', prospectEmail: '', note: '', reason: '' } as never);
  await page.goto(`${harness.openUrl}#/settings`);
  await page.getByRole('tab', { name: 'Backups & export' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  const backups = page.getByRole('table', { name: 'Backups' });
  await expect(backups).toContainText('Harbour Connectors · 1 slip');
  await expect(backups).not.toContainText('1 slips');
  await backups.screenshot({ path: '/tmp/shots/s4-19b/backups-1-slip.png' });
});
