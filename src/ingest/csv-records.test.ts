// The streaming CSV record reader under the intake formats: header handling, row numbers, odd
// line endings and chunking, ragged rows, source failures; and the shared cell validators.
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import {
  cellCode,
  cellCount,
  cellDecimal,
  decodeUtf8,
  readCsvRecords,
  type CsvRecord,
  type CsvSource,
} from './csv-records.ts';

async function collect(source: CsvSource, onHeader?: (h: string[]) => void) {
  const out: CsvRecord[] = [];
  for await (const r of readCsvRecords(source, { onHeader })) out.push(r);
  return out;
}

describe('readCsvRecords', () => {
  it('strips the BOM, trims and lower-cases the header, numbers data rows from 1', async () => {
    const out = await collect(['\uFEFF Id ,"Date Start"\r\n1,2023-01-01\r\n\r\n2,2023-01-02\r\n']);
    expect(out).toEqual([
      { row: 1, header: ['id', 'date start'], record: ['1', '2023-01-01'] },
      { row: 2, header: ['id', 'date start'], record: ['2', '2023-01-02'] },
    ]);
  });

  it('keeps quoted commas, quotes and newlines, whatever the chunking', async () => {
    const text = 'a,b\r\n1,"one, ""two""\r\nthree"\r\n2,x\n';
    const expected = [
      ['1', 'one, "two"\nthree'], // line breaks in cells are read as LF
      ['2', 'x'],
    ];
    for (let cut = 1; cut < text.length; cut++) {
      const out = await collect([text.slice(0, cut), text.slice(cut)]);
      expect(out.map((r) => r.record)).toEqual(expected);
    }
  });

  it('decodes UTF-8 split across byte chunks, and a BOM in bytes', async () => {
    const bytes = Buffer.from('\uFEFFname,n\nحلب,1\nZürich,2\n', 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const out = await collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(out.map((r) => r.record[0])).toEqual(['حلب', 'Zürich']);
      expect(out[0]?.header).toEqual(['name', 'n']);
    }
  });

  it('yields rows with too few or too many cells for the caller to reject', async () => {
    const out = await collect(['a,b,c\n1,2\n1,2,3,4\n1,2,3\n']);
    expect(out.map((r) => [r.row, r.record.length])).toEqual([
      [1, 2],
      [2, 4],
      [3, 3],
    ]);
  });

  it('lets the header hook refuse the file before any row', async () => {
    const refuse = () => {
      throw new AppError('unsupported_format', 'no', 'x');
    };
    await expect(collect(['a,b\n'], refuse)).rejects.toMatchObject({ code: 'unsupported_format' });
  });

  it('turns a failing source into an error naming the row it stopped at', async () => {
    async function* failing() {
      yield 'a,b\n1,2\n3,4\n';
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('disk gone');
    }
    await expect(collect(failing())).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/^CSV cannot be read after data row \d: disk gone$/),
    });
  });

  it('reads CR-only and mixed line endings, a CR split from its LF by the chunking', async () => {
    const out = await collect(['a,b\r', '\n1,2\r3,4\n5,6\r']);
    expect(out.map((r) => r.record)).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('decodeUtf8 passes strings through and drops only a leading BOM', async () => {
    const out: string[] = [];
    for await (const s of decodeUtf8(['\uFEFFa', '\uFEFFb'])) out.push(s);
    expect(out).toEqual(['a', '\uFEFFb']);
  });
});

describe('cell validators', () => {
  it('counts: whole numbers 0 or more, empty → null', () => {
    const s = cellCount('best');
    expect(s.parse(' 12 ')).toBe(12);
    expect(s.parse('')).toBeNull();
    expect(s.parse(undefined)).toBeNull();
    expect(s.safeParse('-1').error?.issues[0]?.message).toBe('best must be 0 or more, got "-1"');
    expect(s.safeParse('1.5').error?.issues[0]?.message).toBe(
      'best must be a whole number, got "1.5"',
    );
  });

  it('decimals in range and codes', () => {
    expect(cellDecimal('lat', -90, 90).parse('41.5')).toBe(41.5);
    expect(cellDecimal('lat', -90, 90).safeParse('abc').error?.issues[0]?.message).toBe(
      'lat must be a number, got "abc"',
    );
    expect(cellCode('p', [1, 2, 3] as const).parse('2')).toBe(2);
    expect(cellCode('p', [1, 2, 3] as const).parse('')).toBeNull();
    expect(cellCode('p', [1, 2, 3] as const).safeParse('0').error?.issues[0]?.message).toBe(
      'p must be 1, 2 or 3, got "0"',
    );
  });
});
