import { ExpressionError, tokenize, type Token } from './lexer';

export type Node =
  | { type: 'lit'; value: unknown }
  | { type: 'var'; name: string }
  | { type: 'member'; object: Node; property: Node; computed: boolean }
  | { type: 'call'; callee: string; args: Node[] }
  | { type: 'unary'; op: string; arg: Node }
  | { type: 'binary'; op: string; left: Node; right: Node }
  | { type: 'cond'; test: Node; then: Node; else: Node }
  | { type: 'array'; items: Node[] };

const MAX_DEPTH = 60;
const BINARY_PRECEDENCE: Record<string, number> = {
  '??': 1, '||': 2, '&&': 3, '==': 4, '!=': 4, '===': 4, '!==': 4, in: 5, '<': 5, '<=': 5, '>': 5, '>=': 5,
  '+': 6, '-': 6, '*': 7, '/': 7, '%': 7,
};

/**
 * Parses the form expression language: a small, side-effect-free subset of JavaScript expressions
 * (literals, variables and member access, arithmetic, comparison, logic, ternary, `in`, arrays and
 * calls of whitelisted functions). No assignment, no lambdas, no method calls.
 */
export function parseExpression(src: string): Node {
  const tokens = tokenize(src);
  let pos = 0;
  let depth = 0;
  const peek = (): Token => tokens[pos];
  const isOp = (v: string) => { const t = peek(); return t.kind === 'op' && t.value === v; };
  const expectOp = (v: string) => {
    if (!isOp(v)) throw new ExpressionError(`此处应为“${v}”`, peek().pos);
    pos++;
  };
  const enter = () => { if (++depth > MAX_DEPTH) throw new ExpressionError('表达式嵌套过深'); };

  function parseConditional(): Node {
    enter();
    const test = parseBinary(0);
    if (isOp('?')) {
      pos++;
      const then = parseConditional();
      expectOp(':');
      const otherwise = parseConditional();
      depth--;
      return { type: 'cond', test, then, else: otherwise };
    }
    depth--;
    return test;
  }

  function binaryOpAt(): string | null {
    const t = peek();
    if (t.kind === 'op' && t.value in BINARY_PRECEDENCE) return t.value;
    if (t.kind === 'ident' && t.value === 'in') return 'in';
    return null;
  }

  function parseBinary(minPrec: number): Node {
    let left = parseUnary();
    for (;;) {
      const op = binaryOpAt();
      if (!op || BINARY_PRECEDENCE[op] < minPrec) break;
      pos++;
      const right = parseBinary(BINARY_PRECEDENCE[op] + 1);
      left = { type: 'binary', op: op === '===' ? '==' : op === '!==' ? '!=' : op, left, right };
    }
    return left;
  }

  function parseUnary(): Node {
    if (isOp('!') || isOp('-') || isOp('+')) {
      const op = (peek() as { value: string }).value;
      pos++;
      enter();
      const arg = parseUnary();
      depth--;
      return { type: 'unary', op, arg };
    }
    return parsePostfix(parsePrimary());
  }

  function parsePostfix(node: Node): Node {
    for (;;) {
      if (isOp('.')) {
        pos++;
        const t = peek();
        if (t.kind !== 'ident') throw new ExpressionError('“.”之后应为属性名', t.pos);
        pos++;
        node = { type: 'member', object: node, property: { type: 'lit', value: t.value }, computed: false };
      } else if (isOp('[')) {
        pos++;
        const property = parseConditional();
        expectOp(']');
        node = { type: 'member', object: node, property, computed: true };
      } else if (isOp('(')) {
        throw new ExpressionError('只能调用内置函数', peek().pos);
      } else return node;
    }
  }

  function parseArgs(close: string): Node[] {
    const items: Node[] = [];
    if (isOp(close)) { pos++; return items; }
    for (;;) {
      items.push(parseConditional());
      if (isOp(',')) { pos++; continue; }
      expectOp(close);
      return items;
    }
  }

  function parsePrimary(): Node {
    const t = peek();
    switch (t.kind) {
      case 'num': pos++; return { type: 'lit', value: t.value };
      case 'str': pos++; return { type: 'lit', value: t.value };
      case 'ident': {
        pos++;
        if (t.value === 'true') return { type: 'lit', value: true };
        if (t.value === 'false') return { type: 'lit', value: false };
        if (t.value === 'null') return { type: 'lit', value: null };
        if (isOp('(')) { pos++; return { type: 'call', callee: t.value, args: parseArgs(')') }; }
        return { type: 'var', name: t.value };
      }
      case 'op':
        if (t.value === '(') { pos++; const inner = parseConditional(); expectOp(')'); return inner; }
        if (t.value === '[') { pos++; return { type: 'array', items: parseArgs(']') }; }
        throw new ExpressionError(`此处不应出现“${t.value}”`, t.pos);
      default:
        throw new ExpressionError('表达式不完整', t.pos);
    }
  }

  const ast = parseConditional();
  if (peek().kind !== 'eof') throw new ExpressionError(`多余的内容“${(peek() as { value?: unknown }).value ?? ''}”`, peek().pos);
  return ast;
}
