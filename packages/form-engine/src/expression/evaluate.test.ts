import { describe, expect, it } from 'vitest';
import { checkExpression, evaluate } from './evaluate';

const env = { today: '2026-11-28' };
const ev = (src: string, scope: Record<string, unknown> = {}) => evaluate(src, scope, env);

describe('form expression language', () => {
  it('follows the usual precedence and associativity', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('10 - 4 - 3')).toBe(3);
    expect(ev('2 > 1 && 1 > 2 || 3 == 3')).toBe(true);
    expect(ev('!true ? "a" : "b"')).toBe('b');
    expect(ev('-x + 1', { x: 4 })).toBe(-3);
  });

  it('reads nested form data, treating missing values as null rather than failing', () => {
    const scope = { applicant: { name: '张三', address: { county: '320102' } }, members: [{ relation: '子', age: 3 }, { relation: '女', age: 8 }] };
    expect(ev('applicant.address.county', scope)).toBe('320102');
    expect(ev('applicant.spouse.name', scope)).toBeNull();
    expect(ev('members[1].age', scope)).toBe(8);
    expect(ev('members.length', scope)).toBe(2);
    expect(ev('nothing == null', scope)).toBe(true);
    expect(ev('nothing > 3', scope)).toBe(false);
  });

  it('offers the functions form rules need: sums over sub-tables, ages from ID numbers, date arithmetic', () => {
    const scope = { items: [{ fee: 10 }, { fee: 5.5 }], members: [{ relation: '子' }, { relation: '子' }, { relation: '女' }], id: '11010519491231002X' };
    expect(ev("sum(items, 'fee')", scope)).toBe(15.5);
    expect(ev("countWhere(members, 'relation', '子')", scope)).toBe(2);
    expect(ev('age(id)', scope)).toBe(76);
    expect(ev('idSex(id)', scope)).toBe('女');
    expect(ev("addDays('2026-02-27', 2)")).toBe('2026-03-01');
    expect(ev("daysBetween('2026-01-01', today())")).toBe(331);
    expect(ev("'320102' in ['320102', '320104']")).toBe(true);
    expect(ev('isIdNo("110105194912310021")')).toBe(false);
    expect(ev("'第' + 3 + '项'")).toBe('第3项');
  });

  it('cannot escape the data it is given', () => {
    expect(() => ev('constructor')).toThrow(/不允许/);
    expect(() => ev('a.__proto__', { a: {} })).toThrow(/不允许/);
    expect(() => ev("a['constructor']", { a: {} })).toThrow(/不允许/);
    expect(() => ev('process.exit(1)')).toThrow(/只能调用内置函数/);
    expect(() => ev('eval("1")')).toThrow(/未知函数/);
    expect(ev('toString', {})).toBeNull(); // inherited properties are invisible
  });

  it('reports syntax errors in Chinese and refuses runaway input', () => {
    expect(checkExpression('1 +')).toMatch(/表达式不完整/);
    expect(checkExpression('(1 + 2')).toMatch(/“\)”/);
    expect(checkExpression('foo(1)')).toMatch(/未知函数/);
    expect(checkExpression('age(a) >= 18')).toBeNull();
    expect(checkExpression('1+'.repeat(1500))).toMatch(/过长/);
    expect(checkExpression('('.repeat(100) + '1' + ')'.repeat(100))).toMatch(/嵌套过深/);
  });

  it('never divides into Infinity', () => {
    expect(ev('1 / 0')).toBeNull();
    expect(ev('"a" * 2')).toBeNull();
  });
});
