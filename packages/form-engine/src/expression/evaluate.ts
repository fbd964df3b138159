import { functions, type EvalEnv } from './functions';
import { ExpressionError } from './lexer';
import { parseExpression, type Node } from './parser';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_STEPS = 20_000;

export type Scope = Record<string, unknown>;

const cache = new Map<string, Node>();
/** Parses once per distinct source; forms evaluate the same few expressions many times. */
export function compile(src: string): Node {
  let ast = cache.get(src);
  if (!ast) {
    ast = parseExpression(src);
    if (cache.size > 5000) cache.clear();
    cache.set(src, ast);
  }
  return ast;
}

function getMember(obj: unknown, key: unknown): unknown {
  if (obj === null || obj === undefined) return null; // optional fields: a.b on a missing a is null
  if (typeof key !== 'string' && typeof key !== 'number') return null;
  const k = String(key);
  if (FORBIDDEN.has(k)) throw new ExpressionError(`不允许访问属性“${k}”`);
  if ((typeof obj === 'string' || Array.isArray(obj)) && k === 'length') return obj.length;
  if (typeof obj !== 'object') return null;
  return Object.hasOwn(obj, k) ? ((obj as Record<string, unknown>)[k] ?? null) : null;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const loose = (v: unknown) => (v === undefined ? null : v);
const truthy = (v: unknown) => !(v === null || v === undefined || v === false || v === 0 || v === '' || (typeof v === 'number' && Number.isNaN(v)));

function compare(op: string, a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (!((isNum(a) && isNum(b)) || (typeof a === 'string' && typeof b === 'string'))) return false;
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    default: return a >= b;
  }
}

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return `${a ?? ''}${b ?? ''}`;
  if (!isNum(a) || !isNum(b)) return null;
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? null : a / b;
    default: return b === 0 ? null : a % b;
  }
}

/**
 * Evaluates an expression against a scope. Pure and bounded: no access outside the scope's own data,
 * no prototype walking, a step budget, and only whitelisted functions. Runs the same in the browser
 * and on the server, so a rule the form shows is the rule the server enforces.
 */
export function evaluate(src: string, scope: Scope, env: EvalEnv): unknown {
  const ast = compile(src);
  let steps = 0;
  const run = (n: Node): unknown => {
    if (++steps > MAX_STEPS) throw new ExpressionError('表达式计算量过大');
    switch (n.type) {
      case 'lit': return n.value;
      case 'var':
        if (FORBIDDEN.has(n.name)) throw new ExpressionError(`不允许访问变量“${n.name}”`);
        return Object.hasOwn(scope, n.name) ? loose(scope[n.name]) : null;
      case 'member': return getMember(run(n.object), run(n.property));
      case 'array': return n.items.map(run);
      case 'cond': return truthy(run(n.test)) ? run(n.then) : run(n.else);
      case 'unary': {
        const v = run(n.arg);
        if (n.op === '!') return !truthy(v);
        if (!isNum(v)) return null;
        return n.op === '-' ? -v : v;
      }
      case 'call': {
        const fn = Object.hasOwn(functions, n.callee) ? functions[n.callee] : undefined;
        if (!fn) throw new ExpressionError(`未知函数“${n.callee}”`);
        return loose(fn(env, ...n.args.map(run)));
      }
      case 'binary': {
        if (n.op === '&&') { const l = run(n.left); return truthy(l) ? run(n.right) : l; }
        if (n.op === '||') { const l = run(n.left); return truthy(l) ? l : run(n.right); }
        if (n.op === '??') { const l = run(n.left); return l === null ? run(n.right) : l; }
        const a = run(n.left), b = run(n.right);
        switch (n.op) {
          case '==': return loose(a) === loose(b);
          case '!=': return loose(a) !== loose(b);
          case 'in': return Array.isArray(b) ? b.includes(a) : typeof b === 'string' && typeof a === 'string' ? b.includes(a) : false;
          case '<': case '<=': case '>': case '>=': return compare(n.op, a, b);
          default: return arithmetic(n.op, a, b);
        }
      }
    }
  };
  return run(ast);
}

export const evaluateBoolean = (src: string, scope: Scope, env: EvalEnv) => truthy(evaluate(src, scope, env));

/** Syntax check and unknown-function check, for the designer and for saving definitions. */
export function checkExpression(src: string): string | null {
  try {
    const ast = parseExpression(src);
    const walk = (n: Node): void => {
      if (n.type === 'call') {
        if (!Object.hasOwn(functions, n.callee)) throw new ExpressionError(`未知函数“${n.callee}”`);
        n.args.forEach(walk);
      } else if (n.type === 'member') { walk(n.object); walk(n.property); }
      else if (n.type === 'unary') walk(n.arg);
      else if (n.type === 'binary') { walk(n.left); walk(n.right); }
      else if (n.type === 'cond') { walk(n.test); walk(n.then); walk(n.else); }
      else if (n.type === 'array') n.items.forEach(walk);
      else if (n.type === 'var' && FORBIDDEN.has(n.name)) throw new ExpressionError(`不允许访问变量“${n.name}”`);
    };
    walk(ast);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
