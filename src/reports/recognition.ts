// The one-page recognition sheet for a month or quarter: each category with its rule and its members,
// in a two-column grid that fits one A4 page. The figures come from the recognition service.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Recognition } from '../shared/contract';
import { formatDay } from '../shared/dates';
import { documentFrame } from './layout';

function category(c: Recognition['categories'][number]): Content {
  return {
    unbreakable: true,
    margin: [0, 0, 0, 12],
    stack: [
      { text: c.title, fontSize: 13, bold: true, color: '#0b7285' },
      { text: c.rule, style: 'small', margin: [0, 1, 0, 5] },
      c.winners.length === 0
        ? { text: 'Nobody this time.', style: 'muted', italics: true }
        : {
            table: {
              widths: ['*', 'auto'],
              body: c.winners.slice(0, 12).map((w) => [{ text: w.name, fontSize: 11 }, { text: w.label, fontSize: 10, alignment: 'right', color: '#495057' }]),
            },
            layout: 'noBorders',
          },
      ...(c.winners.length > 12 ? [{ text: `and ${c.winners.length - 12} more`, style: 'small' } as Content] : []),
    ],
  };
}

/** `timeZone`: the chapter's (IANA), for the production time in the footer. */
export function recognitionReport(data: Recognition, producedAt: Date, timeZone: string): TDocumentDefinitions {
  const columns: Content[][] = [[], []];
  data.categories.forEach((c, i) => columns[i % 2]!.push(category(c)));
  return documentFrame({ chapterName: data.chapterName, title: 'Recognition', producedAt, locale: data.locale, timeZone }, [
    { text: 'Recognition', style: 'title' },
    {
      text: `${formatDay(data.period.from, data.locale)} – ${formatDay(data.period.to, data.locale)} · ${data.meetings} meeting${data.meetings === 1 ? '' : 's'}`,
      style: 'subtitle',
    },
    { columns: columns.map((stack) => ({ width: '*', stack })), columnGap: 24 },
  ]);
}
