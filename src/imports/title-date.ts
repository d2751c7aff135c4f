// The date in a report's title block, whatever language BNI Connect wrote it in: "Slips Audit Report
// for 17/11/2026", "Slips Audit Rapport voor 10/11/2026", "Bericht für 17.11.2026", "Relatório de
// 2026-11-17". Read by content, not by the title's words: the title block's line with one date is the
// report's date. A line saying when the file was printed or exported, or a period (two dates), is not.

/** Day-and-month dates as numbers (17/11/2026, 11.17.2026, 17-11-2026), year-first ones and ISO. */
const datePattern = /(?<!\d)(\d{4}-\d{2}-\d{2}|\d{4}[/.]\d{1,2}[/.]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?!\d)/g;

// "Printed on", "Generated", "Exported" in the languages BNI Connect exports in: when the file was made, not the meeting.
const madeWords =
  /(?<!\p{L})(printed|generated|exported|created|downloaded|run on|run date|gedruckt|erstellt|exportiert|heruntergeladen|généré|imprimé|exporté|créé|téléchargé|generado|impreso|exportado|creado|descargado|gegenereerd|afgedrukt|geëxporteerd|aangemaakt|gedownload|generato|stampato|esportato|creato|scaricato|gerado|impresso|criado|baixado)(?!\p{L})/iu;

/** Words a report's title has in English, German, French, Spanish, Dutch, Italian and Portuguese. */
export const reportTitleWords = /(?<!\p{L})(reports?|slips audit|audit|rapporten|rapport|bericht|informe|relat[óo]rio|rapporto|relazione|auditoria|auditoría|controle|controllo)(?!\p{L})/iu;

export interface TitleDate {
  /** The date as the title wrote it; null when the title block gives none (or more than one). */
  text: string | null;
  /** When text is null and the block had dates: why none was taken, as part of a sentence. */
  why: string | null;
}

export function titleDateOf(titleRows: string[][]): TitleDate {
  const candidates: Array<{ date: string; titled: boolean }> = [];
  for (const row of titleRows) {
    const line = row.map((c) => c.trim()).filter((c) => c !== '').join(' ');
    if (line === '') continue;
    const dates = [...new Set([...line.matchAll(datePattern)].map((m) => m[1]!))];
    // A period ("From 10/01/2026 To 12/31/2026") or a line of when the file was made says nothing of the meeting.
    if (dates.length !== 1 || madeWords.test(line)) continue;
    candidates.push({ date: dates[0]!, titled: reportTitleWords.test(line) });
  }
  const distinct = (list: typeof candidates) => [...new Set(list.map((c) => c.date))];
  const all = distinct(candidates);
  if (all.length === 1) return { text: all[0]!, why: null };
  if (all.length === 0) return { text: null, why: null };
  const titled = distinct(candidates.filter((c) => c.titled));
  if (titled.length === 1) return { text: titled[0]!, why: null };
  return { text: null, why: `its title lines give ${all.length} dates (${all.join(', ')})` };
}
