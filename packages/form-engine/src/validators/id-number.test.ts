import { describe, expect, it } from 'vitest';
import { birthDateOfId, idCheckChar, idNumberProblem, isCreditCode, sexOfId } from './id-number';

describe('GB 11643 ID numbers', () => {
  it('computes the check character of the standard\'s example', () => {
    // GB 11643-1999 appendix example: 11010519491231002X
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
  });
  it('names what is wrong', () => {
    expect(idNumberProblem('110105194912310021')).toBe('check_digit');
    expect(idNumberProblem('110105194902300021')).toBe('birth_date');
    expect(idNumberProblem('11010519491231002x')).toBe('format');
    expect(idNumberProblem('320102203001010011', '2026-11-28')).toBe('birth_date');
  });
  it('reads birth date and sex', () => {
    expect(birthDateOfId('11010519491231002X')).toBe('1949-12-31');
    expect(sexOfId('11010519491231002X')).toBe('女');
    expect(sexOfId('110105194912310018')).toBe('男');
  });
  it('checks unified social credit codes', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
  });
});
