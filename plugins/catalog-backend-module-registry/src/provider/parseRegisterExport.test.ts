import { parseRegisterExport } from './parseRegisterExport';

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'));

const HEADER =
  'name,titleRu,titleKk,purpose,ownerBin,ownerName,ownerKind,createdAt,lifecycleStage,onPlatform,hostingKind,hostingCountry,critical,confidentiality,integrity,availability,dataCategories';

describe('parseRegisterExport', () => {
  it('gives each CSV row its physical line, counting quoted line breaks', () => {
    const parsed = parseRegisterExport(
      csv([
        `\uFEFF${HEADER}`,
        'a,А,А,"first line',
        'second line",1,n,state-body,2020-01-01,planned,true,platform,KZ,false,low,low,low,open',
        '',
        'b,Б,Б,p,1,n,state-body,2020-01-01,planned,true,platform,KZ,false,low,low',
        'c,В,В,p,1,n,state-body,2020-01-01,planned,true,platform,KZ,false,low,low,low,personal;financial',
        '',
      ]),
      'csv',
    );
    expect(parsed.rows.map(r => [r.line, r.label, r.fields.name])).toEqual([
      [2, 'line 2', 'a'],
      [6, 'line 6', 'c'],
    ]);
    expect(parsed.rows[0].fields.purpose).toBe('first line\nsecond line');
    expect(parsed.rows[1].fields.dataCategories).toBe('personal;financial');
    expect(parsed.unreadable).toEqual([
      {
        line: 5,
        reason: expect.stringMatching(
          /^line 5: Invalid Record Length: columns length is 17, got 15 on line 5$/,
        ),
      },
    ]);
  });

  it('rejects a CSV export whose header lacks required columns', () => {
    expect(() =>
      parseRegisterExport(csv(['name,titleRu', 'a,А']), 'csv'),
    ).toThrow(/header lacks the columns titleKk, purpose, ownerBin/);
  });

  it('numbers JSON items from 1 and reports items that are not objects', () => {
    const parsed = parseRegisterExport(
      Buffer.from(
        JSON.stringify({
          exportedAt: '2026-11-20T06:00:00Z',
          systems: [{ name: 'a' }, 'oops', { name: 'c' }],
        }),
      ),
      'json',
    );
    expect(parsed.rows.map(r => [r.line, r.label])).toEqual([
      [1, 'item 1'],
      [3, 'item 3'],
    ]);
    expect(parsed.unreadable).toEqual([
      { line: 2, reason: 'item 2: is not an object' },
    ]);
  });

  it.each([
    ['not JSON', '{"systems": [', /The JSON export cannot be parsed/],
    ['no systems', '{"exportedAt": "2026-11-20"}', /has no "systems" array/],
  ])('rejects a JSON export that is %s', (_, text, message) => {
    expect(() => parseRegisterExport(Buffer.from(text), 'json')).toThrow(
      message,
    );
  });
});
