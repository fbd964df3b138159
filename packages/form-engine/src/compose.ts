import type { FieldDef, FormDefinition, SectionDef } from './definition';

export type ComposePart = { def: FormDefinition; includeWhen?: string };

const all = (conds: (string | undefined)[]) => {
  const cs = conds.filter((c): c is string => !!c);
  return cs.length ? cs.map((c) => `(${c})`).join(' && ') : undefined;
};

/**
 * 一表申请: one master form from several matters' forms. A field that more than one part asks goes,
 * once, into a leading 共同信息 section and shows whenever any part that asks it is included; every
 * other field stays in its part's sections, shown when that part is included. A shared key of
 * different types in two parts is reported as a conflict (the first definition is kept).
 */
export function composeForms(key: string, title: string, parts: ComposePart[]): { def: FormDefinition; conflicts: string[] } {
  const owners = new Map<string, { field: FieldDef; conds: (string | undefined)[] }>();
  const conflicts: string[] = [];
  for (const part of parts) {
    const seenInPart = new Set<string>();
    for (const f of part.def.sections.flatMap((s) => s.fields)) {
      if (seenInPart.has(f.key)) continue;
      seenInPart.add(f.key);
      const o = owners.get(f.key);
      if (!o) owners.set(f.key, { field: f, conds: [part.includeWhen] });
      else {
        o.conds.push(part.includeWhen);
        if (o.field.type !== f.type) conflicts.push(`字段“${f.key}”在“${part.def.title}”中为${f.type}，与先前的${o.field.type}不一致`);
      }
    }
  }
  const shared = [...owners.entries()].filter(([, o]) => o.conds.length > 1);
  const sharedKeys = new Set(shared.map(([k]) => k));
  const sections: SectionDef[] = [];
  if (shared.length) {
    sections.push({
      key: 'common',
      title: '共同信息',
      fields: shared.map(([, o]) => {
        const anyPart = o.conds.some((c) => !c) ? undefined : o.conds.map((c) => `(${c})`).join(' || ');
        const visibleWhen = all([anyPart, o.field.visibleWhen]);
        return { ...o.field, ...(visibleWhen ? { visibleWhen } : {}) };
      }),
    });
  }
  for (const part of parts) {
    for (const section of part.def.sections) {
      const fields = section.fields.filter((f) => !sharedKeys.has(f.key));
      if (!fields.length) continue;
      const visibleWhen = all([part.includeWhen, section.visibleWhen]);
      sections.push({ key: `${part.def.key}_${section.key}`, title: section.title, ...(visibleWhen ? { visibleWhen } : {}), fields });
    }
  }
  return { def: { key, title, sections }, conflicts };
}

/**
 * The form a case fills: only the sections its matter's situations chose (情形 add and remove
 * sections). An empty list means the matter names no sections, so the whole form applies.
 */
export function selectSections(def: FormDefinition, keys: readonly string[] | undefined): FormDefinition {
  if (!keys?.length) return def;
  const chosen = new Set(keys);
  return { ...def, sections: def.sections.filter((s) => chosen.has(s.key)) };
}
