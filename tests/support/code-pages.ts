// Text written the way Excel on a Windows of another region writes "CSV": in that region's code page.
// Node can decode every code page but encode none, so each one's table is read backwards from its decoder.
const tables = new Map<string, Map<string, number[]>>();

function tableOf(label: string): Map<string, number[]> {
  const known = tables.get(label);
  if (known) return known;
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(label, { fatal: true });
  const learn = (bytes: number[]) => {
    try {
      const text = decoder.decode(Uint8Array.from(bytes));
      if ([...text].length === 1 && !table.has(text)) table.set(text, bytes);
    } catch {
      // not a character in this code page
    }
  };
  for (let b = 0; b < 256; b++) learn([b]);
  if (['shift_jis', 'gbk', 'big5', 'euc-kr'].includes(label)) for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) learn([lead, trail]);
  tables.set(label, table);
  return table;
}

/** The text's bytes in a code page ("windows-1250", "shift_jis"…); a character it cannot hold is refused, not replaced. */
export function encodeIn(text: string, label: string): Buffer {
  const table = tableOf(label);
  const bytes: number[] = [];
  for (const c of text) {
    const found = table.get(c);
    if (!found) throw new Error(`${label} has no ${JSON.stringify(c)}`);
    bytes.push(...found);
  }
  return Buffer.from(bytes);
}
