import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importLimits } from '../../src/imports/bounded-read';
import { encodingOf, readTable } from '../../src/imports/spreadsheet';

/*
 * Hostile and unusual import files, all made here at test time: a zip bomb, too many rows, one huge
 * cell, and the text encodings Excel writes. Each is refused with a sentence naming the limit, or read
 * as the characters it holds.
 */

/** A minimal zip (one entry per part, deflated), enough for the zip reader and for Excel. */
function zip(parts: Array<[name: string, content: Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = deflateRawSync(content, { level: 9 });
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('import files are bounded while they are read', () => {
  it('a 300 KB .xlsx that unpacks to one 300 MB cell is refused quickly, naming the 50 MB limit', async () => {
    const cell = Buffer.alloc(300 * 2 ** 20, 'A');
    const bomb = zip([
      ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
      ['xl/sharedStrings.xml', Buffer.concat([Buffer.from('<sst><si><t>'), cell, Buffer.from('</t></si></sst>')])],
    ]);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const started = performance.now();
    await expect(readTable('bomb.xlsx', bomb)).rejects.toThrow(/bomb\.xlsx unpacks to more than 50 MB \(the limit for an import file\).*Nothing was imported\./);
    console.log(`zip bomb of ${(bomb.length / 1024).toFixed(0)} KB refused in ${(performance.now() - started).toFixed(0)} ms`);
  });

  it('a zip whose directory hides the real size is still stopped at the limit while inflating', async () => {
    const bomb = zip([['xl/sharedStrings.xml', Buffer.alloc(80 * 2 ** 20, 'B')]]);
    // Lie in both headers: claim 1 KB unpacked.
    const cd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(1024, cd + 24);
    bomb.writeUInt32LE(1024, 22);
    await expect(readTable('liar.xlsx', bomb)).rejects.toThrow(/unpacks to more than 50 MB/);
  });

  it(`a roster of more than ${importLimits.rows.toLocaleString('en-US')} rows is refused with the limit named, without reading it all`, async () => {
    const rows = ['First Name,Last Name,Classification', ...Array.from({ length: importLimits.rows + 50 }, (_, i) => `Ann${i},Lee,Seat ${i}`)];
    await expect(readTable('roster.csv', Buffer.from(rows.join('\n')))).rejects.toThrow(/roster\.csv has more than 100,000 rows \(the limit for one import\); import it in parts/);
  });

  it('a cell longer than 10,000 characters is refused with its row', async () => {
    const csv = `From,To,Detail\nDana Ruiz,Marcus Chen,${'x'.repeat(importLimits.cellCharacters + 1)}\n`;
    await expect(readTable('slips.csv', Buffer.from(csv))).rejects.toThrow(/slips\.csv has a cell of 10,001 characters in row 2; a cell may hold at most 10,000\./);
  });

  it('a file at the limits is read', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `Member ${i},${'y'.repeat(i === 7 ? importLimits.cellCharacters : 10)}`);
    const table = await readTable('ok.csv', Buffer.from(rows.join('\n')));
    expect(table).toHaveLength(2_000);
    expect(table[7]![1]).toHaveLength(importLimits.cellCharacters);
  });
});

describe('text encodings are read as what they are', () => {
  const names = 'First Name,Last Name\nZoë,Müller\n王,美玲\nअर्जुन,मेहता\n';
  it.each([
    ['UTF-8', Buffer.from(names, 'utf8')],
    ['UTF-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(names, 'utf8')])],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(names, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(names, 'utf16le').swap16()])],
  ])('%s: Chinese, Hindi and accents come through unchanged', async (encoding, bytes) => {
    const table = await readTable('names.csv', bytes);
    expect(table.slice(1, 4)).toEqual([['Zoë', 'Müller'], ['王', '美玲'], ['अर्जुन', 'मेहता']]);
    expect(encodingOf(table)).toBe(encoding);
  });

  it('Windows-1252 (Excel CSV on Windows) is recognised: "Zoë Müller", never "Zo� M�ller"', async () => {
    const table = await readTable('names.csv', Buffer.from('First Name,Last Name\nZo\xeb,M\xfcller\nJos\xe9,Pe\xf1a \x80\n', 'latin1'));
    expect(table.slice(1, 3)).toEqual([['Zoë', 'Müller'], ['José', 'Peña €']]);
    expect(JSON.stringify(table)).not.toContain('\ufffd');
    expect(encodingOf(table)).toBe('Windows-1252');
  });
});
