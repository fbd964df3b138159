import type { ArchiveCatalogueItem, MatterMaterial, MatterType, RetentionPeriod } from '@jsga/contracts';

/**
 * 归档配置 defaults. GB/T 42727 leaves 保管期限 to each body's 归档范围和档案保管期限表, so these are
 * starting points an archivist overrides per 事项类型 or per matter: licensing and confirmation results
 * affect rights for a long time (30 years), as do penalties, coercive measures and levies; 裁决 settle
 * disputes for good (永久); rewards, payments, inspections and public services 10; anything unclassified 30.
 * Pure.
 */
export const nationalRetention: Record<MatterType, RetentionPeriod> = {
  licensing: 'D30', penalty: 'D30', coercion: 'D30', levy: 'D30', payment: 'D10', inspection: 'D10',
  confirmation: 'D30', reward: 'D10', adjudication: 'Y', other_power: 'D30', public_service: 'D10',
};

/** The catalogue every case has, in package order: 申报 → 过程 → 结果. Materials of the matter slot in after the form. */
export function defaultCatalogue(materials: readonly Pick<MatterMaterial, 'code' | 'name' | 'required'>[]): ArchiveCatalogueItem[] {
  return [
    { kind: 'application_form', materialCode: null, name: '申请表', folder: 'application', required: true },
    ...materials.map((m) => ({ kind: 'material' as const, materialCode: m.code, name: m.name, folder: 'application' as const, required: m.required })),
    { kind: 'tolerance_promise', materialCode: null, name: '容缺受理承诺书', folder: 'process', required: false },
    { kind: 'process_record', materialCode: null, name: '办理过程记录', folder: 'process', required: true },
    { kind: 'result_document', materialCode: null, name: '结果文书', folder: 'result', required: true },
  ];
}

export type CollectedItem = { kind: ArchiveCatalogueItem['kind']; materialCode: string | null };

/** 清点: required catalogue items with nothing collected for them. */
export function missingItems(catalogue: readonly ArchiveCatalogueItem[], collected: readonly CollectedItem[]) {
  const has = (c: ArchiveCatalogueItem) => collected.some((x) => x.kind === c.kind && (c.kind !== 'material' || x.materialCode === c.materialCode));
  return catalogue.filter((c) => c.required && !has(c)).map((c) => ({ kind: c.kind, name: c.name }));
}
