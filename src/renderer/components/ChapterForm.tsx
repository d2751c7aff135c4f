import { Alert, Autocomplete, Button, Group, NativeSelect, NumberInput, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Chapter, ChapterInput } from '../../shared/contract';
import { nameOrderLabels, nameOrders, weekdayNames, type NameOrder } from '../../shared/domain';
import { currentZoneName, systemTimeZone, timeZoneChoices } from '../../shared/time-zone';
import { ledger } from '../client';
import { useLedgerSubmit } from '../form-errors';
import { setLeaveGuard } from '../leave-guard';
import { useEffect } from 'react';

const currencies = ['USD', 'EUR', 'GBP', 'INR', 'CAD', 'AUD', 'NZD', 'ZAR', 'SGD', 'AED', 'CHF', 'MXN', 'BRL'];
const locales = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN', 'hi-IN', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'en-ZA', 'en-SG', 'zh-TW', 'zh-HK', 'ja-JP', 'ko-KR', 'hu-HU'];
/** Where names are written family name first: the default follows the chapter's locale. */
// Suggestions drawn when their list opens, not kept hidden in the page: Mantine keeps every closed list and
// places it beside its field as the screen draws (a forced style pass each; Settings was the slowest
// screen). A suggestion list has no chosen line to show on opening, so nothing else changes.
const suggestionsWhenOpen = { keepMounted: false };
const familyFirstLocale = /^(zh|ja|ko|hu|vi)\b/;

type Values = Required<Pick<ChapterInput, 'name' | 'region' | 'meetingTime' | 'currency' | 'locale' | 'timeZone'>> & {
  meetingWeekday: string;
  absenceLimit: number;
  absenceWindowMonths: number;
  noReferralWeeks: number;
  openReferralDays: number;
  nameOrder: NameOrder;
};
const fields = ['name', 'region', 'meetingWeekday', 'meetingTime', 'currency', 'locale', 'timeZone', 'absenceLimit', 'absenceWindowMonths', 'noReferralWeeks', 'openReferralDays', 'nameOrder'];

function guessLocale(): string {
  return navigator.language && locales.includes(navigator.language) ? navigator.language : 'en-US';
}

export function ChapterForm({ chapter, onSaved, submitLabel, guardLeaving = false }: { chapter: Chapter | null; onSaved: (c: Chapter) => void; submitLabel: string; guardLeaving?: boolean }) {
  const form = useForm<Values>({
    initialValues: {
      name: chapter?.name ?? '',
      region: chapter?.region ?? '',
      meetingWeekday: String(chapter?.meetingWeekday ?? 2),
      meetingTime: chapter?.meetingTime ?? '07:00',
      currency: chapter?.currency ?? 'USD',
      locale: chapter?.locale ?? guessLocale(),
      // A new chapter starts in the computer's zone; a saved one shows its setting (empty: the computer's).
      timeZone: chapter?.timeZone || currentZoneName(systemTimeZone()),
      absenceLimit: chapter?.absenceLimit ?? 3,
      absenceWindowMonths: chapter?.absenceWindowMonths ?? 6,
      noReferralWeeks: chapter?.noReferralWeeks ?? 4,
      openReferralDays: chapter?.openReferralDays ?? 30,
      nameOrder: chapter?.nameOrder ?? (familyFirstLocale.test(guessLocale()) ? 'family_first' : 'given_first'),
    },
  });

  const { saving, formError, run } = useLedgerSubmit(form.setFieldError, fields);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const saved = await ledger.saveChapter({ ...values, meetingWeekday: Number(values.meetingWeekday) });
      form.resetDirty(values);
      onSaved(saved);
    }),
  );
  // In Settings, a change typed but not saved is asked about before another screen drops it (as the scorecard profile is).
  const unsaved = guardLeaving && form.isDirty() ? 'The chapter details have changes that are not saved.' : null;
  useEffect(() => {
    if (guardLeaving) setLeaveGuard('chapter-details', unsaved, { buttonId: 'save-chapter-details', hash: '#/settings' });
  }, [guardLeaving, unsaved]);
  useEffect(() => () => setLeaveGuard('chapter-details', null), []);

  return (
    <form onSubmit={submit} noValidate aria-label="Chapter details">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label="Chapter name" placeholder="e.g. Riverside Business Builders" required data-autofocus autoFocus {...form.getInputProps('name')} />
        <TextInput label="Region" placeholder="e.g. Riverside County" {...form.getInputProps('region')} />
        {/* The browser's own pickers for the two fixed lists: each of Mantine's Select kept its hidden list in
            the page and placed it beside its field as Settings was drawn (issue 16). */}
        <NativeSelect label="Meeting day" data={weekdayNames.map((day, i) => ({ value: String(i), label: day }))} {...form.getInputProps('meetingWeekday')} />
        <TextInput label="Meeting time" placeholder="07:00" description="24-hour clock" {...form.getInputProps('meetingTime')} />
        <Autocomplete label="Currency" description="Three-letter code: USD, EUR, GBP, INR…" data={currencies} comboboxProps={suggestionsWhenOpen} {...form.getInputProps('currency')} />
        <Autocomplete label="Locale" description="How dates and money are written, e.g. en-US" data={locales} comboboxProps={suggestionsWhenOpen} {...form.getInputProps('locale')} />
        <NativeSelect
          label="Name order"
          description="How names are shown and printed; lists sort by family name either way. A member can differ."
          data={nameOrders.map((o) => ({ value: o, label: nameOrderLabels[o] }))}
          {...form.getInputProps('nameOrder')}
        />
        <Autocomplete label="Time zone" description="Every printed time is in it, e.g. America/Los_Angeles" data={timeZoneChoices()} limit={30} comboboxProps={suggestionsWhenOpen} {...form.getInputProps('timeZone')} />
      </SimpleGrid>
      <Title order={5} mt="lg" mb="xs">
        Policies
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NumberInput label="Absences allowed" description="Before the membership committee reviews" min={0} max={26} allowDecimal={false} {...form.getInputProps('absenceLimit')} />
        <NumberInput label="Absence window (months)" description="Rolling period the absences are counted over" min={1} max={24} allowDecimal={false} {...form.getInputProps('absenceWindowMonths')} />
        <NumberInput label="Weeks without a referral before a flag" min={1} max={52} allowDecimal={false} {...form.getInputProps('noReferralWeeks')} />
        <NumberInput label="Days a referral may stay open" min={1} max={365} allowDecimal={false} {...form.getInputProps('openReferralDays')} />
      </SimpleGrid>
      {formError && (
        <Alert color="red" mt="md" role="alert">
          {formError}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg">
        <Button type="submit" loading={saving} id={guardLeaving ? 'save-chapter-details' : undefined}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}
