export type Token =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'ident'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'eof'; pos: number };

export class ExpressionError extends Error {
  constructor(message: string, readonly pos?: number) {
    super(message);
    this.name = 'ExpressionError';
  }
}

const OPERATORS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '??', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':', '(', ')', '[', ']', ',', '.'];
export const MAX_EXPRESSION_LENGTH = 2000;

export function tokenize(src: string): Token[] {
  if (src.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(`表达式过长（超过 ${MAX_EXPRESSION_LENGTH} 个字符）`);
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) { i++; continue; }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i))!;
      out.push({ kind: 'num', value: Number(m[0]), pos: i });
      i += m[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== ch) {
        if (src[j] === '\\' && j + 1 < src.length) { value += src[j + 1]; j += 2; } else value += src[j++];
      }
      if (j >= src.length) throw new ExpressionError('字符串缺少结束引号', i);
      out.push({ kind: 'str', value, pos: i });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$\u4e00-\u9fa5]/.test(ch)) {
      const m = /^[A-Za-z_$\u4e00-\u9fa5][A-Za-z0-9_$\u4e00-\u9fa5]*/.exec(src.slice(i))!;
      out.push({ kind: 'ident', value: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExpressionError(`无法识别的字符“${ch}”`, i);
    out.push({ kind: 'op', value: op, pos: i });
    i += op.length;
  }
  out.push({ kind: 'eof', pos: src.length });
  return out;
}
