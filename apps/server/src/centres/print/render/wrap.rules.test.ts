import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap.rules';

/** A monospaced stand-in for a font: Han characters and full-width marks 1, Latin, digits and spaces 0.5. */
const measure = (s: string) => [...s].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
const texts = (lines: Array<{ text: string }>) => lines.map((l) => l.text);

describe('line wrapping by measured width', () => {
  it('breaks Chinese between any two characters, filling each line to the measured width', () => {
    const lines = wrapText('中华人民共和国行政许可法第三十八条', 5, measure);
    expect(texts(lines)).toEqual(['中华人民共', '和国行政许', '可法第三十', '八条']);
    expect(lines.every((l) => l.width <= 5)).toBe(true);
  });

  it('keeps Latin words and numbers whole where they fit on a line, and drops spaces at line ends', () => {
    const lines = wrapText('依据 GB/T 9704-2012 排版 2026 年', 5, measure);
    expect(texts(lines)).toEqual(['依据 GB/T', '9704-2012', '排版 2026', '年']);
    expect(lines.every((l) => !l.text.startsWith(' ') && !l.text.endsWith(' '))).toBe(true);
  });

  it('breaks a word longer than a whole line by characters', () => {
    const lines = wrapText('编号320102202603050000123', 6, measure);
    expect(texts(lines)).toEqual(['编号32010220', '260305000012', '3']);
    expect(lines.every((l) => l.width <= 6)).toBe(true);
  });

  it('never starts a line with a closing mark: the character before it comes along', () => {
    const lines = wrapText('本机关决定不予许可。如不服', 9, measure);
    expect(texts(lines)).toEqual(['本机关决定不予许', '可。如不服']);
    const many = wrapText('经审查，申请人提交的录取通知书与学籍信息不一致，不符合迁移条件。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予许可。', 7, measure);
    expect(many.every((l) => !/^[，。、；：？！）》”]/.test(l.text))).toBe(true);
    expect(many.every((l) => l.width <= 7)).toBe(true);
    expect(many.map((l) => l.text).join('')).toBe('经审查，申请人提交的录取通知书与学籍信息不一致，不符合迁移条件。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予许可。');
  });

  it('never ends a line with an opening mark', () => {
    const lines = wrapText('根据法律《行政许可法》', 5, measure);
    expect(texts(lines)).toEqual(['根据法律', '《行政许可', '法》']);
  });

  it('indents the first line of each paragraph; a line break starts a new paragraph', () => {
    const lines = wrapText('第一段文字较长需要换行\n第二段', 6, measure, { firstLineIndent: 2 });
    expect(lines.map((l) => [l.text, l.indent])).toEqual([['第一段文', 2], ['字较长需要换', 0], ['行', 0], ['第二段', 2]]);
  });

  it('gives an empty text one empty line and keeps blank lines between paragraphs', () => {
    expect(texts(wrapText('', 5, measure))).toEqual(['']);
    expect(texts(wrapText('甲\n\n乙', 5, measure))).toEqual(['甲', '', '乙']);
  });

  it('keeps characters outside the basic plane whole', () => {
    expect(texts(wrapText('𠀀𠀁𠀂𠀃', 2, measure))).toEqual(['𠀀𠀁', '𠀂𠀃']);
  });
});
