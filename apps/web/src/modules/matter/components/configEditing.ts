import type { MatterMaterial, SituationEffects, SituationOption, SituationQuestion } from '@jsga/contracts';

/**
 * Pure helpers of the materials and situations editors: new rows with unique keys, keeping option
 * references in step when a material is renamed or removed, and turning the server's error paths into
 * form field paths. No checklist logic here: that is the server's (see ChecklistPreview).
 */

export type NamePath = (string | number)[];

/** The part of the edit form these helpers read. */
export type EditedConfig = { materials?: Partial<MatterMaterial>[]; situations?: SituationQuestion[] };

export const MAX_SITUATION_DEPTH = 5;

/** `M01`, `M02`, … after the highest `M<n>` in use (other codes are left alone). */
export function nextMaterialCode(codes: readonly (string | undefined)[]): string {
  const taken = new Set(codes);
  let n = Math.max(0, ...codes.map((c) => /^M(\d+)$/.exec(c ?? '')?.[1]).filter(Boolean).map(Number)) + 1;
  while (taken.has(`M${String(n).padStart(2, '0')}`)) n += 1;
  return `M${String(n).padStart(2, '0')}`;
}

export const newMaterial = (existing: readonly Partial<MatterMaterial>[]): MatterMaterial => ({
  code: nextMaterialCode(existing.map((m) => m?.code)),
  name: '',
  source: 'applicant',
  elicenseType: null,
  required: true,
  allowTolerance: false,
  form: 'original',
  count: 1,
  situational: false,
  templateFileId: null,
  sampleFileId: null,
  note: '',
});

export const emptyEffects = (): SituationEffects => ({
  addMaterials: [], removeMaterials: [], addSections: [], removeSections: [], eligibilityRule: null, eligibilityMessage: null, moreEligibility: [], processKey: null,
});

/** Every question of the tree, parents first. */
export function walkQuestions(questions: readonly SituationQuestion[] | undefined, visit: (q: SituationQuestion, depth: number) => void, depth = 1) {
  for (const q of questions ?? []) {
    if (!q) continue;
    visit(q, depth);
    for (const o of q.options ?? []) walkQuestions(o?.children, visit, depth + 1);
  }
}

export function questionKeys(questions: readonly SituationQuestion[] | undefined): string[] {
  const keys: string[] = [];
  walkQuestions(questions, (q) => keys.push(q.key));
  return keys;
}

const firstFree = (prefix: string, taken: Set<string | undefined>) => {
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
};

/** A question whose key is unique in the whole tree, with one empty option. */
export function newQuestion(tree: readonly SituationQuestion[] | undefined): SituationQuestion {
  return { key: firstFree('q', new Set(questionKeys(tree))), text: '', type: 'single', help: '', options: [newOption([])] };
}

/** An option whose key is unique among its siblings. */
export function newOption(siblings: readonly Partial<SituationOption>[] | undefined): SituationOption {
  return { key: firstFree('o', new Set((siblings ?? []).map((o) => o?.key))), label: '', effects: emptyEffects(), children: [] };
}

/** The tree with every option's material lists passed through `map` (a new tree; the input is not changed). */
export function mapMaterialRefs(questions: readonly SituationQuestion[] | undefined, map: (codes: string[]) => string[]): SituationQuestion[] {
  return (questions ?? []).map((q) => ({
    ...q,
    options: (q.options ?? []).map((o) => ({
      ...o,
      effects: { ...emptyEffects(), ...o.effects, addMaterials: map(o.effects?.addMaterials ?? []), removeMaterials: map(o.effects?.removeMaterials ?? []) },
      children: mapMaterialRefs(o.children, map),
    })),
  }));
}

/** How many options add or remove the material. */
export function countMaterialRefs(questions: readonly SituationQuestion[] | undefined, code: string): number {
  let n = 0;
  walkQuestions(questions, (q) => {
    for (const o of q.options ?? []) if (o?.effects?.addMaterials?.includes(code) || o?.effects?.removeMaterials?.includes(code)) n += 1;
  });
  return n;
}

export const renameMaterialRefs = (questions: readonly SituationQuestion[] | undefined, from: string, to: string) =>
  mapMaterialRefs(questions, (codes) => [...new Set(codes.map((c) => (c === from ? to : c)))]);

export const dropMaterialRefs = (questions: readonly SituationQuestion[] | undefined, code: string) =>
  mapMaterialRefs(questions, (codes) => codes.filter((c) => c !== code));

// ------------------------------------------------------------------ server error paths → form fields

type Token = { name: string } | { index: number } | { key: string };

/**
 * `body.config.materials.0.code`, `materials[M01].elicenseType`, `situations[reason].options[a.b].children[c]`:
 * names, numeric indexes and bracketed keys (keys may contain dots, so brackets are read as a whole).
 */
export function tokenizePath(path: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') { i += 1; continue; }
    if (ch === '[') {
      const end = path.indexOf(']', i);
      const inner = path.slice(i + 1, end < 0 ? undefined : end);
      tokens.push(/^\d+$/.test(inner) ? { index: Number(inner) } : { key: inner });
      i = end < 0 ? path.length : end + 1;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j += 1;
    const word = path.slice(i, j);
    tokens.push(/^\d+$/.test(word) ? { index: Number(word) } : { name: word });
    i = j;
  }
  while (tokens.length && 'name' in tokens[0] && (tokens[0].name === 'body' || tokens[0].name === 'config')) tokens.shift();
  return tokens;
}

type Kind = 'materials' | 'material' | 'questions' | 'question' | 'options' | 'option' | 'field';
const ELEMENT_OF: Partial<Record<Kind, Kind>> = { materials: 'material', questions: 'question', options: 'option' };
const IDENTITY_FIELD: Partial<Record<Kind, string>> = { material: 'code', question: 'key', option: 'key' };

/**
 * Where a server error about materials or situations belongs in the edit form: index paths as they are,
 * key paths resolved against the current values (every element with a duplicated key is marked). An
 * error about a whole material, question or option goes under its code or key input. Empty when the
 * path does not lead to a material or situation (any more).
 */
export function formPathsOf(path: string, values: EditedConfig): NamePath[] {
  const tokens = tokenizePath(path);
  const head = tokens[0];
  if (!head || !('name' in head) || (head.name !== 'materials' && head.name !== 'situations')) return [];
  const results: NamePath[] = [];

  const walk = (i: number, node: unknown, kind: Kind, at: NamePath) => {
    if (i >= tokens.length) {
      const identity = IDENTITY_FIELD[kind];
      results.push(identity ? [...at, identity] : at);
      return;
    }
    const t = tokens[i];
    const element = ELEMENT_OF[kind];
    if (element) {
      const list = Array.isArray(node) ? (node as Array<Record<string, unknown> | undefined>) : [];
      if ('index' in t) {
        if (t.index < list.length) walk(i + 1, list[t.index], element, [...at, t.index]);
        return;
      }
      if ('key' in t) {
        const idField = IDENTITY_FIELD[element]!;
        list.forEach((item, index) => { if (item?.[idField] === t.key) walk(i + 1, item, element, [...at, index]); });
        return;
      }
    }
    if (!('name' in t)) return;
    const child = node && typeof node === 'object' ? (node as Record<string, unknown>)[t.name] : undefined;
    if (kind === 'question' && t.name === 'options') return walk(i + 1, child, 'options', [...at, 'options']);
    if (kind === 'option' && t.name === 'children') return walk(i + 1, child, 'questions', [...at, 'children']);
    if (kind === 'option' && t.name === 'effects' && i === tokens.length - 1) {
      // "选项引用了不存在的材料": under whichever list holds an unknown code (addMaterials when unclear)
      const effects = (child ?? {}) as Partial<SituationEffects>;
      const known = new Set((values.materials ?? []).map((m) => m?.code));
      const unknownIn = (['addMaterials', 'removeMaterials'] as const).filter((f) => (effects[f] ?? []).some((c) => !known.has(c)));
      (unknownIn.length ? unknownIn : (['addMaterials'] as const)).forEach((f) => results.push([...at, 'effects', f]));
      return;
    }
    // a plain field (or a field of a field): the rest of the path as names and indexes
    const rest = tokens.slice(i).map((x) => ('name' in x ? x.name : 'index' in x ? x.index : x.key));
    results.push([...at, ...rest]);
  };

  walk(1, head.name === 'materials' ? values.materials : values.situations, head.name === 'materials' ? 'materials' : 'questions', [head.name]);
  return results;
}

/** The editor tab a form field lives on. */
export const tabOfField = (name: NamePath): 'basic' | 'materials' | 'situations' | 'bindings' =>
  name[0] === 'materials' ? 'materials' : name[0] === 'situations' ? 'situations' : name[0] === 'bindings' ? 'bindings' : 'basic';
