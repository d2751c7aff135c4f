// Which of a file's columns holds what, for every import (Slips Audit, roster, attendance report): by the
// header's words in the languages BNI Connect exports in, then as the secretary pointed in the preview.
// When a needed column cannot be found, or a header the ledger does not know sits beside a field it has
// no column for, the preview asks, showing the file's own headers; the first case blocks, the second does not.
import { LedgerError } from '../shared/errors';
import type { Table } from './spreadsheet';

export interface ColumnSpec<K extends string> {
  /** Header words for each field, lower case. */
  names: Record<K, readonly string[]>;
  /** Fields in the order the question lists them. */
  order: readonly K[];
  /** Each field as the secretary reads it ("From", "First Name"). */
  labels: Record<K, string>;
  /** Fields nothing can be read without. */
  required: readonly K[];
  /** The sentence when no row can even be a header ("… is not a roster: no header row with …"), after the file's name. */
  notFound: string;
  /** Headers that are no field but are known (the attendance report's meeting-date columns): never asked about. */
  known?: (header: string) => boolean;
}

export interface ColumnQuestion<K extends string> {
  headers: string[];
  blocking: boolean;
  message: string;
  fields: Array<{ field: K; label: string; required: boolean; at: number }>;
}

export interface FoundColumns<K extends string> {
  headerAt: number;
  /** Each field's column index in the header row, -1 when the file has none. */
  columns: Record<K, number>;
  question: ColumnQuestion<K> | null;
}

const words = (list: string[]) => (list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`);

export function findColumns<K extends string>(fileName: string, table: Table, spec: ColumnSpec<K>, chosen: Partial<Record<K, number>> = {}): FoundColumns<K> {
  const byName = (cells: string[]) => {
    const folded = cells.map((c) => c.trim().toLowerCase());
    const at = (k: K) => folded.findIndex((c) => spec.names[k].includes(c));
    return Object.fromEntries(spec.order.map((k) => [k, at(k)])) as Record<K, number>;
  };
  const found = (columns: Record<K, number>) => spec.required.every((k) => columns[k] >= 0);
  let headerAt = -1;
  for (let i = 0; i < Math.min(table.length, 40) && headerAt < 0; i++) if (found(byName(table[i] ?? []))) headerAt = i;
  if (headerAt < 0) {
    // No row names the needed fields: the header is the first row with the most filled cells (at least three).
    let most = 2;
    for (let i = 0; i < Math.min(table.length, 40); i++) {
      const filled = (table[i] ?? []).filter((c) => c.trim() !== '').length;
      if (filled > most) [most, headerAt] = [filled, i];
    }
    if (headerAt < 0) throw new LedgerError('invalid_input', `${fileName} ${spec.notFound}. Nothing was imported.`, 'file');
  }
  const headers = (table[headerAt] ?? []).map((c) => c.trim());
  const columns = byName(headers);
  for (const [k, index] of Object.entries(chosen) as Array<[K, number]>) {
    if (!spec.order.includes(k)) continue;
    if (index >= headers.length) throw new LedgerError('invalid_input', `${fileName} has ${headers.length} columns: choose the ${spec.labels[k]} column again.`, 'columns');
    columns[k] = index;
  }
  const used = new Set(Object.values<number>(columns).filter((i) => i >= 0));
  const unknownHeaders = headers.filter((h, i) => h !== '' && !used.has(i) && !spec.known?.(h));
  const blocking = !found(columns);
  const missing = spec.order.filter((k) => columns[k] < 0 && !(k in chosen));
  if (!blocking && (unknownHeaders.length === 0 || missing.length === 0)) return { headerAt, columns, question: null };
  const needed = spec.required.filter((k) => columns[k] < 0).map((k) => spec.labels[k]);
  const message = blocking
    ? `The ledger does not recognise the ${words(needed)} column${needed.length === 1 ? '' : 's'} in ${fileName}: choose which of the file's columns ${needed.length === 1 ? 'is' : 'are'} which.`
    : `The file has ${unknownHeaders.length === 1 ? 'a column' : 'columns'} the ledger does not recognise (${words(unknownHeaders.map((h) => `"${h}"`))}): if ${unknownHeaders.length === 1 ? 'it' : 'one'} holds the ${missing
        .slice(0, 3)
        .map((k) => spec.labels[k])
        .join(', ')} or another field, choose it below.`;
  return {
    headerAt,
    columns,
    question: { headers, blocking, message, fields: spec.order.map((k) => ({ field: k, label: spec.labels[k], required: spec.required.includes(k), at: columns[k] })) },
  };
}
