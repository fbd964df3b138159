/**
 * The few bpmn-js services the workflow pages use, typed structurally (bpmn-js' own service typings
 * are loose `any`s behind `get(name)`), plus helpers over BPMN business objects.
 */

export interface BusinessObject {
  $type: string;
  id: string;
  name?: string;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  $parent?: BusinessObject;
  eventDefinitions?: BusinessObject[];
  loopCharacteristics?: BusinessObject & { isSequential?: boolean; completionCondition?: Expression };
  conditionExpression?: Expression;
  default?: BusinessObject;
  sourceRef?: BusinessObject;
  targetRef?: BusinessObject;
  extensionElements?: BusinessObject & { values?: BusinessObject[] };
  timeDuration?: Expression;
  outgoing?: BusinessObject[];
}

export interface Expression {
  $type: string;
  body?: string;
}

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: BusinessObject;
  source?: DiagramElement;
  target?: DiagramElement;
  labelTarget?: DiagramElement;
  outgoing?: DiagramElement[];
  incoming?: DiagramElement[];
}

export interface Modeling {
  updateProperties(element: DiagramElement, props: Record<string, unknown>): void;
  updateModdleProperties(element: DiagramElement, moddleElement: BusinessObject, props: Record<string, unknown>): void;
}

export interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  filter(fn: (e: DiagramElement) => boolean): DiagramElement[];
  getAll(): DiagramElement[];
}

export interface Canvas {
  addMarker(element: DiagramElement | string, marker: string): void;
  removeMarker(element: DiagramElement | string, marker: string): void;
  zoom(level?: number | 'fit-viewport', center?: 'auto' | { x: number; y: number }): number;
  viewbox(box?: { x: number; y: number; width: number; height: number }): { x: number; y: number; width: number; height: number; scale: number };
  getRootElement(): DiagramElement;
  scrollToElement?(element: DiagramElement): void;
}

export type Listener = (event: { element?: DiagramElement; elements?: DiagramElement[]; newSelection?: DiagramElement[] }) => void;

export interface EventBus {
  on(event: string | string[], callback: Listener): void;
  on(event: string | string[], priority: number, callback: Listener): void;
  off(event: string | string[], callback: Listener): void;
}

export interface Selection {
  select(element: DiagramElement | DiagramElement[] | null): void;
  get(): DiagramElement[];
}

export interface CommandStack {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}

export interface Moddle {
  create(type: string, attrs?: Record<string, unknown>): BusinessObject;
}

/** What the BPMN editor components need of a (navigated) viewer or modeler instance. */
export interface DiagramHost {
  get<T>(name: string): T;
}

export const is = (el: { businessObject?: BusinessObject; $instanceOf?: unknown } | null | undefined, type: string): boolean => {
  const bo = el && 'businessObject' in el ? el.businessObject : (el as BusinessObject | null | undefined);
  return !!bo && typeof bo.$instanceOf === 'function' && bo.$instanceOf(type);
};

export const timerDefinitionOf = (bo: BusinessObject): BusinessObject | undefined =>
  bo.eventDefinitions?.find((d) => d.$instanceOf('bpmn:TimerEventDefinition'));

/** `${ expr }` → `expr` (modellers and our generator wrap expressions in JUEL braces). */
export const unwrapExpression = (s: string | undefined | null): string => {
  if (!s) return '';
  const m = /^\s*\$\{([\s\S]*)\}\s*$/.exec(s);
  return (m ? m[1] : s).trim();
};
export const wrapExpression = (s: string): string => `\${${s.trim()}}`;

/** The ids mentioned in server problems, written “名称（id）”, so a problem can select its element. */
export function elementIdsIn(problem: string): string[] {
  const ids: string[] = [];
  for (const m of problem.matchAll(/[（(]([A-Za-z_][\w.-]*)[）)]/g)) ids.push(m[1]);
  for (const m of problem.matchAll(/(?:连线|分支)\s*([A-Za-z_][\w.-]*)/g)) ids.push(m[1]);
  return ids;
}

/**
 * Fits the diagram into the canvas, leaving room on the left for the modeller's palette (which floats
 * over the canvas) and never zooming in beyond 100 %.
 */
export function fitDiagram(canvas: Canvas, leftPadPx = 0): void {
  canvas.zoom('fit-viewport', 'auto');
  const vb = canvas.viewbox();
  if (vb.scale > 1) canvas.zoom(1, 'auto');
  if (!leftPadPx) return;
  const cur = canvas.viewbox();
  const pad = leftPadPx / cur.scale;
  canvas.viewbox({ x: cur.x - pad, y: cur.y - pad / 4, width: cur.width + pad * 1.2, height: cur.height + pad / 2 });
}
