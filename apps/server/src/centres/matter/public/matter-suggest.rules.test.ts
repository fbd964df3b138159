import { describe, expect, it } from 'vitest';
import {
  bigrams, diceCoefficient, lcsLength, matchScore, normalise, rankSuggestions, substringDistance, SUGGEST_LIMIT, SUGGEST_THRESHOLD,
} from './matter-suggest.rules';

const catalogue = [
  { code: 'JS-Z001', name: '户口迁移审批' },
  { code: 'JS-Z002', name: '户口登记' },
  { code: 'JS-Z003', name: '户口注销' },
  { code: 'JS-Z029', name: '居民身份证（含临时居民身份证）业务' },
  { code: 'JS-Q081', name: '申、换、补领居民身份证' },
  { code: 'JS-Q116', name: '临时身份证办理' },
  { code: 'JS-Q118', name: '国内户口迁移（含大学生）' },
  { code: 'JS-Q119', name: '工作调动户口迁移' },
  { code: 'JS-J007', name: '驾驶证补证、换证' },
  { code: 'JS-C004', name: '对港澳居民的暂住登记' },
  { code: 'JS-N001', name: '易制毒化学品购买许可（除第一类中的药品类易制毒化学品外）' },
];
const names = (q: string) => rankSuggestions(q, catalogue).map((m) => m.name);

describe('measures', () => {
  it('normalises width, case, spaces and punctuation', () => {
    expect(normalise(' ＪＳ－Ｚ００１ ')).toBe('jsz001');
    expect(normalise('居民身份证（含临时居民身份证）业务')).toBe('居民身份证含临时居民身份证业务');
    expect(normalise('申、换、补领')).toBe('申换补领');
  });

  it('counts character bigrams and their Dice coefficient', () => {
    expect([...bigrams('户口迁移').keys()]).toEqual(['户口', '口迁', '迁移']);
    expect([...bigrams('证').keys()]).toEqual(['证']);
    expect(diceCoefficient('户口迁移', '户口迁移')).toBe(1);
    expect(diceCoefficient('户口迁徙', '户口迁移审批')).toBeCloseTo(0.5); // 2 × 2 / (3 + 5)
    expect(diceCoefficient('身分证', '身份证')).toBe(0);
    expect(diceCoefficient('', '')).toBe(0);
  });

  it('measures the edit distance to the closest substring and the longest common subsequence', () => {
    expect(substringDistance('户口迁移', '国内户口迁移含大学生')).toBe(0);
    expect(substringDistance('户口迁徙', '户口迁移审批')).toBe(1); // one wrong character
    expect(substringDistance('身分证', '居民身份证业务')).toBe(1);
    expect(substringDistance('户迁移', '户口迁移')).toBe(1); // one missing character
    expect(lcsLength('户迁', '户口迁移审批')).toBe(2);
    expect(lcsLength('abc', 'xyz')).toBe(0);
  });
});

describe('matchScore', () => {
  it('scores the exact name 1 and a name containing the query above a mistyped one', () => {
    expect(matchScore('户口迁移审批', catalogue[0])).toBe(1);
    const contains = matchScore('户口迁移', catalogue[0]);
    const mistyped = matchScore('户口迁徙', catalogue[0]);
    expect(contains).toBeGreaterThan(mistyped);
    expect(mistyped).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
  });

  it('tells a one-character typo from a name that only shares a character', () => {
    expect(matchScore('身分证', catalogue[3])).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(matchScore('身分证', catalogue[8])).toBeLessThan(SUGGEST_THRESHOLD); // 驾驶证补证、换证
  });

  it('matches the code, whatever the case and width', () => {
    expect(matchScore('z001', catalogue[0])).toBeGreaterThanOrEqual(0.9);
    expect(matchScore('ＪＳ-Ｚ001', catalogue[0])).toBeGreaterThanOrEqual(0.9);
    expect(matchScore('  ', catalogue[0])).toBe(0);
  });
});

describe('rankSuggestions', () => {
  it('户口迁徙 finds the 户口迁移 matters first, the exact-length name on top', () => {
    const found = names('户口迁徙');
    expect(found.slice(0, 3)).toEqual(['户口迁移审批', '工作调动户口迁移', '国内户口迁移（含大学生）']);
    expect(found).not.toContain('驾驶证补证、换证');
    expect(found).not.toContain('对港澳居民的暂住登记');
  });

  it('身分证 finds the 身份证 matters and nothing about driving licences', () => {
    const found = names('身分证');
    expect(found).toEqual(expect.arrayContaining(['居民身份证（含临时居民身份证）业务', '申、换、补领居民身份证', '临时身份证办理']));
    expect(found).not.toContain('驾驶证补证、换证');
  });

  it('an abbreviation that skips characters still finds the name', () => {
    expect(names('户迁审批')[0]).toBe('户口迁移审批');
  });

  it('finds nothing for unrelated text, and nothing for an empty query', () => {
    expect(names('护照签注')).toEqual([]);
    expect(names('，，')).toEqual([]);
  });

  it('returns at most the limit, highest score first, ties by name length then code, and keeps extra fields', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ code: `C${String(29 - i).padStart(2, '0')}`, name: '户口登记', policeType: 'zhian' }));
    const ranked = rankSuggestions('户口登记', many);
    expect(ranked).toHaveLength(SUGGEST_LIMIT);
    expect(ranked.map((r) => r.code)).toEqual(['C00', 'C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09']);
    expect(ranked[0]).toMatchObject({ policeType: 'zhian', score: 1 });
    const mixed = rankSuggestions('户口', catalogue, { limit: 20 });
    for (let i = 1; i < mixed.length; i++) expect(mixed[i - 1].score).toBeGreaterThanOrEqual(mixed[i].score);
    expect(mixed.map((m) => m.name).slice(0, 3)).toEqual(['户口登记', '户口注销', '户口迁移审批']);
  });
});
