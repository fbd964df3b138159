// bpmn-moddle (a bpmn-js dependency) ships no typings for its main entry; the tests use it directly.
declare module 'bpmn-moddle' {
  interface ModdleElement {
    $type: string;
    id?: string;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    [key: string]: unknown;
  }
  interface Moddle {
    fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: { message: string }[] }>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
  /** The BPMN meta-model plus `packages` (e.g. our jsga extension). */
  export function BpmnModdle(packages?: Record<string, unknown>): Moddle;
}
