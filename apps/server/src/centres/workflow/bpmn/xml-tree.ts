import { SaxesParser } from 'saxes';

export type XmlElement = { uri: string; local: string; attrs: Record<string, string>; children: XmlElement[]; text: string };

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const JSGA_NS = 'http://jsga.gov.cn/schema/bpmn';
const MAX_XML_BYTES = 2_000_000;
const MAX_ELEMENTS = 20_000;

/**
 * A small namespace-aware element tree. saxes does not expand DTD entities, so entity bombs cannot
 * blow up; size and element count are capped as well. Attributes in our extension namespace are
 * keyed `jsga:<name>`, unqualified ones by their plain name.
 */
export function parseXml(xml: string): XmlElement {
  if (xml.length > MAX_XML_BYTES) throw new Error('流程定义过大');
  if (/<!DOCTYPE/i.test(xml)) throw new Error('流程定义不允许包含 DOCTYPE');
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  parser.on('opentag', (tag) => {
    if (++count > MAX_ELEMENTS) throw new Error('流程定义元素过多');
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === JSGA_NS) attrs[`jsga:${a.local}`] = a.value;
      else if (!a.uri) attrs[a.local] = a.value;
    }
    const el: XmlElement = { uri: tag.uri ?? '', local: tag.local ?? tag.name, attrs, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => { if (stack.length) stack[stack.length - 1].text += t; });
  parser.on('cdata', (t) => { if (stack.length) stack[stack.length - 1].text += t; });
  parser.on('closetag', () => { stack.pop(); });
  parser.on('error', (e) => { throw e; });
  parser.write(xml).close();
  if (!root) throw new Error('流程定义为空');
  return root;
}
