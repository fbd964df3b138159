import { SaxesParser } from 'saxes';

/**
 * Hand-written XML for the package (metadata, manifest, signature) and a guarded reader for what comes
 * back: UTF-8 only, no DOCTYPE (so no external or expanding entities — the XXE guard), only the five
 * predefined entities, bounded size and element count.
 */

/** Characters XML 1.0 cannot carry at all, even as references; the writer replaces them with U+FFFD. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlText = (s: string) =>
  s.replace(XML_INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
export const xmlAttr = (s: string) => xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** A minimal pretty-printing builder: elements with attributes and text, two-space indentation. */
export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private readonly stack: string[] = [];

  private attrs(a?: Record<string, string | number>): string {
    if (!a) return '';
    return Object.entries(a).map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');
  }
  private get pad() {
    return '  '.repeat(this.stack.length);
  }
  open(name: string, attrs?: Record<string, string | number>): this {
    this.lines.push(`${this.pad}<${name}${this.attrs(attrs)}>`);
    this.stack.push(name);
    return this;
  }
  close(): this {
    const name = this.stack.pop();
    if (!name) throw new Error('XML 元素不成对');
    this.lines.push(`${this.pad}</${name}>`);
    return this;
  }
  /** `<name>text</name>`, or `<name/>` for null / empty. */
  leaf(name: string, text: string | number | null, attrs?: Record<string, string | number>): this {
    const t = text === null ? '' : String(text);
    this.lines.push(t === '' ? `${this.pad}<${name}${this.attrs(attrs)}/>` : `${this.pad}<${name}${this.attrs(attrs)}>${xmlText(t)}</${name}>`);
    return this;
  }
  toString(): string {
    if (this.stack.length) throw new Error(`XML 元素 ${this.stack.join('/')} 未关闭`);
    return `${this.lines.join('\n')}\n`;
  }
  toBytes(): Uint8Array {
    return new TextEncoder().encode(this.toString());
  }
}

export type XmlNode = {
  /** Qualified name as written. */
  name: string;
  /** Name without prefix. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
};

export class XmlSafetyError extends Error {}

export type ParseXmlOptions = { maxBytes?: number; maxElements?: number; maxDepth?: number };

/**
 * Decodes (strict UTF-8) and parses. Throws XmlSafetyError with a Chinese message for a DOCTYPE, an
 * undeclared entity, a non-UTF-8 encoding or a malformed document.
 */
export function parseXmlSafe(input: Uint8Array | string, opts: ParseXmlOptions = {}): XmlNode {
  const { maxBytes = 20_000_000, maxElements = 200_000, maxDepth = 64 } = opts;
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (input.length > maxBytes) throw new XmlSafetyError(`XML 文件过大（${input.length} 字节）`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new XmlSafetyError('XML 文件不是有效的 UTF-8 编码');
    }
  }
  if (text.length > maxBytes) throw new XmlSafetyError('XML 文件过大');
  text = text.replace(/^\uFEFF/, '');
  const decl = /^<\?xml\s[^?]*\?>/.exec(text);
  const encoding = decl && /encoding\s*=\s*["']([^"']+)["']/.exec(decl[0]);
  if (encoding && !/^utf-?8$/i.test(encoding[1])) throw new XmlSafetyError(`XML 声明的编码为 ${encoding[1]}，须为 UTF-8`);
  // Checked on the raw text as well, so a DOCTYPE is refused before the parser sees any of it.
  if (/<!DOCTYPE/i.test(text)) throw new XmlSafetyError('XML 含 DOCTYPE 声明（可能引入外部实体，XXE），不予解析');
  if (/<!ENTITY/i.test(text)) throw new XmlSafetyError('XML 含实体声明，不予解析');

  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let count = 0;
  let failure: Error | undefined;
  parser.on('doctype', () => {
    throw new XmlSafetyError('XML 含 DOCTYPE 声明（可能引入外部实体，XXE），不予解析');
  });
  parser.on('opentag', (tag) => {
    if (++count > maxElements) throw new XmlSafetyError('XML 元素过多');
    if (stack.length >= maxDepth) throw new XmlSafetyError('XML 嵌套层级过深');
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = String(v);
    const node: XmlNode = { name: tag.name, local: tag.name.includes(':') ? tag.name.slice(tag.name.indexOf(':') + 1) : tag.name, attrs, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('cdata', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (e) => {
    throw e;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    failure = e instanceof Error ? e : new Error(String(e));
  }
  if (failure) {
    if (failure instanceof XmlSafetyError) throw failure;
    const msg = failure.message;
    if (/undefined entity|entity/i.test(msg)) throw new XmlSafetyError(`XML 含未声明的实体引用：${msg}`);
    throw new XmlSafetyError(`XML 格式错误：${msg}`);
  }
  if (!root) throw new XmlSafetyError('XML 没有根元素');
  return root;
}

/** First child with the given local name. */
export const child = (node: XmlNode | undefined, local: string): XmlNode | undefined => node?.children.find((c) => c.local === local);
export const childrenNamed = (node: XmlNode | undefined, local: string): XmlNode[] => node?.children.filter((c) => c.local === local) ?? [];
/** Text of a child element: undefined when absent, '' when empty. */
export const childText = (node: XmlNode | undefined, local: string): string | undefined => child(node, local)?.text;
