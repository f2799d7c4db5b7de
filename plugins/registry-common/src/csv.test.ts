import { UTF8_BOM, csvDocument, csvLine, parseCsvSeparator } from './csv';

describe('csvLine', () => {
  it('joins plain fields with a comma by default and ends with CRLF', () => {
    expect(csvLine(['a', 'Минфин', undefined, 'c'])).toBe('a,Минфин,,c\r\n');
  });

  it('joins with a semicolon when asked', () => {
    expect(csvLine(['a', 'Минфин', '8,4', 'x;y'], ';')).toBe(
      'a;Минфин;8,4;"x;y"\r\n',
    );
  });

  it('quotes fields with a separator, a quote or a line break', () => {
    expect(csvLine(['x;y', 'x,y', 'say "hi"', 'two\nlines', 'cr\rlf'])).toBe(
      'x;y,"x,y","say ""hi""","two\nlines","cr\rlf"\r\n',
    );
    expect(csvLine(['x;y', 'a "b"'], ';')).toBe('"x;y";"a ""b"""\r\n');
  });

  it('turns what Excel would run as a formula into text', () => {
    expect(
      csvLine(['=1+1', '+7 701', '-5', '@SUM(A1)', '\tx', '\rx', 'a=b']),
    ).toBe(`'=1+1,'+7 701,'-5,'@SUM(A1),'\tx,"'\rx",a=b\r\n`);
    expect(csvLine(['=HYPERLINK("http://x";"y")'], ';')).toBe(
      `"'=HYPERLINK(""http://x"";""y"")"\r\n`,
    );
  });
});

describe('csvDocument', () => {
  it('starts with the BOM and writes every row', () => {
    expect(
      csvDocument(
        [
          ['Название', 'Балл'],
          ['Е-лицензирование', '8,4'],
        ],
        ';',
      ),
    ).toBe(`${UTF8_BOM}Название;Балл\r\nЕ-лицензирование;8,4\r\n`);
  });
});

describe('parseCsvSeparator', () => {
  it('takes , and ; and defaults to ,', () => {
    expect(parseCsvSeparator(undefined)).toBe(',');
    expect(parseCsvSeparator('')).toBe(',');
    expect(parseCsvSeparator(',')).toBe(',');
    expect(parseCsvSeparator(';')).toBe(';');
  });

  it('refuses anything else with a 400 that names the parameter', () => {
    expect(() => parseCsvSeparator('\t')).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(/query parameter sep must be/),
      }),
    );
    expect(() => parseCsvSeparator([';', ','])).toThrow(/parameter sep/);
  });
});
