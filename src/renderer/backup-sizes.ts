// Sizes of backups as a secretary reads them ("850 MB", "4.2 GB"), the limits offered, and the one
// sentence under the list that says what the backups use against what they may use.

const units = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1024-based, as file managers on Windows and most Linux desktops show sizes; in the chapter's locale ("1,4 MB" in a German chapter). */
export function fileSize(bytes: number, locale = 'en-US'): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${new Intl.NumberFormat(locale).format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const whole = value >= 100 || Number.isInteger(value);
  const shown = new Intl.NumberFormat(locale, whole ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(whole ? Math.round(value) : Math.round(value * 10) / 10);
  return `${shown} ${units[unit]}`;
}

const offered = [500, 1024, 2048, 5120, 10240, 20480, 51200, 102400];

/** The limits offered in the list (MB), with the one the chapter has if it is not among them. */
export function backupLimitChoices(current: number | null, locale = 'en-US'): { value: string; label: string }[] {
  const values = [...offered];
  if (current !== null && current > 0 && !values.includes(current)) values.push(current);
  values.sort((a, b) => a - b);
  return [...values.map((mb) => ({ value: String(mb), label: fileSize(mb * 1024 * 1024, locale) })), { value: '0', label: 'No limit' }];
}

/** "3 backups use 12 MB of the 5 GB allowed." — and what happens when they use more. */
export function backupsUseSentence(sizes: number[], maxBytes: number | null, locale = 'en-US'): string {
  const size = (bytes: number) => fileSize(bytes, locale);
  const total = sizes.reduce((n, b) => n + b, 0);
  const copies = `${sizes.length} ${sizes.length === 1 ? 'backup uses' : 'backups use'} ${size(total)}`;
  if (sizes.length === 0) return maxBytes === null ? 'No backup yet; no size limit.' : `No backup yet; they may use up to ${size(maxBytes)}.`;
  if (maxBytes === null) return `${copies}; no size limit.`;
  if (total <= maxBytes) return `${copies} of the ${size(maxBytes)} allowed.`;
  const newestTwo = sizes.slice(0, 2).reduce((n, b) => n + b, 0);
  if (newestTwo > maxBytes) return `${copies}, more than the ${size(maxBytes)} allowed: the two newest alone use ${size(newestTwo)} and are always kept; older ones go at the next backup.`;
  return `${copies}, more than the ${size(maxBytes)} allowed: the oldest go at the next backup (the newest two are always kept).`;
}

/** "1 slip", "38 slips", "12.408 slips" in a German chapter: what a backup holds, as the list and the restore question say it. */
export function slipsHeld(count: number, locale = 'en-US'): string {
  return `${new Intl.NumberFormat(locale).format(count)} ${count === 1 ? 'slip' : 'slips'}`;
}
