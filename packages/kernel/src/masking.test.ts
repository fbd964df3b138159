import { describe, expect, it } from 'vitest';
import { maskIdNo, maskName, maskPhone } from './masking';

describe('masking', () => {
  it('keeps only the operator prefix and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('hides the birth date and sequence of an ID number', () => {
    expect(maskIdNo('320102199001011234')).toBe('320102********1234');
  });
  it('keeps only the surname', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskPhone(null)).toBeNull();
  });
});
