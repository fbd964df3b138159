import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wellKnownMatterCodes } from '@jsga/contracts';
import { findConfigProblems } from '../version/config.rules';
import { buildCatalogue } from './catalogue-tsv';
import { configFor, readCatalogueFiles } from './matter.reference';

const here = path.dirname(fileURLToPath(import.meta.url));
const specDir = path.resolve(here, '../../../../../../../shared/spec');
const catalogue = buildCatalogue(readCatalogueFiles());
const byName = (name: string) => catalogue.find((e) => e.name === name)!;

describe('matter catalogue from the tender', () => {
  it.skipIf(!existsSync(specDir))('keeps verbatim copies of the shared/spec catalogues', () => {
    for (const f of ['matters-public-window.tsv', 'matters-comprehensive-window.tsv', 'matters-business-handling.tsv']) {
      expect(readFileSync(path.join(here, 'catalogue', f), 'utf8'), f).toBe(readFileSync(path.join(specDir, f), 'utf8'));
    }
  });

  it('merges every row that names a matter: channels, handling modes and the back-office flag', () => {
    expect(byName('户口迁移审批')).toMatchObject({ code: 'JS-Z001', policeType: 'zhian', channels: ['online', 'mobile', 'window'],
      handlingModes: ['immediate', 'promised'], needsApproval: true });
    expect(byName('境外非政府组织代表机构登记')).toMatchObject({ code: 'JS-F003', policeType: null, category: '境外非政府组织服务事项',
      channels: ['window'], handlingModes: ['collect'], needsApproval: true });
  });

  it('zone rows take the matter from the police_type column, or from the matter column under a sub-group', () => {
    expect(byName('申、换、补领居民身份证')).toMatchObject({ zones: ['province_wide'], policeType: 'zhian', channels: ['window'] });
    expect(byName('大中专院校录取学生户口迁移')).toMatchObject({ zones: ['cross_province'], policeType: 'zhian' });
    expect(byName('公民死亡驾驶证注销一件事办理')).toMatchObject({ zones: ['one_thing'], policeType: 'jiaoguan' });
    expect(catalogue.some((e) => e.name === '跨省通办户籍业务')).toBe(false);
  });

  it('gives unique codes, the same on every run, and the well-known codes name the demonstration matters', () => {
    expect(new Set(catalogue.map((e) => e.code)).size).toBe(catalogue.length);
    expect(buildCatalogue(readCatalogueFiles()).map((e) => e.code)).toEqual(catalogue.map((e) => e.code));
    const nameOf = (code: string) => catalogue.find((e) => e.code === code)?.name;
    expect(nameOf(wellKnownMatterCodes.hukouMigration)).toBe('户口迁移审批');
    expect(nameOf(wellKnownMatterCodes.idCardOnline)).toBe('居民身份证（五年以内换补领身份证业务）');
    expect(nameOf(wellKnownMatterCodes.idCardApplication)).toBe('居民身份证（含临时居民身份证）业务');
    expect(nameOf(wellKnownMatterCodes.drivingLicenceRenewal)).toBe('驾驶证补证、换证');
  });

  it('the 户政 registry businesses are bound to their form, process and registry effect, the 全省通办 item changes included', () => {
    const bound = (name: string) => configFor(byName(name)).bindings;
    expect(bound('婚生婴儿出生登记申报（6周岁以下持出生医学证明）')).toMatchObject({ formKeys: ['birth_registration'], processKey: 'hukou_birth', registryEffect: 'birth_registration' });
    expect(bound('户口注销')).toMatchObject({ formKeys: ['hukou_cancel'], processKey: 'hukou_cancel', registryEffect: 'registration_cancel' });
    for (const name of ['户口登记非主项信息变更', '宗教信仰变更', '身高变更', '血型变更', '文化程度变更', '婚姻状况变更', '兵役状况变更']) {
      expect(bound(name), name).toMatchObject({ formKeys: ['hukou_item_change'], processKey: 'hukou_item_change', registryEffect: 'registry_item_change' });
    }
    expect(configFor(byName('身高变更')).zones).toContain('province_wide');
    expect(configFor(byName('身高变更')).guide.notes).toContain('“身高”');
  });

  it('every seeded configuration passes the configuration checks', () => {
    for (const e of catalogue) expect(findConfigProblems(configFor(e)), e.name).toEqual([]);
  });

  it('the demonstration matters are complete: ≥4 materials with an e-licence and a 容缺 one, two or more situation questions', () => {
    // 出生登记 is featured for its registry effect: one situation-free checklist, nothing to hand in later
    for (const [key, code] of Object.entries(wellKnownMatterCodes)) {
      if (key === 'birthRegistration') continue;
      const c = configFor(catalogue.find((e) => e.code === code)!);
      expect(c.materials.length, c.name).toBeGreaterThanOrEqual(4);
      expect(c.materials.some((m) => m.source === 'elicense'), c.name).toBe(true);
      expect(c.materials.some((m) => m.allowTolerance), c.name).toBe(true);
      expect(c.situations.length, c.name).toBeGreaterThanOrEqual(2);
      expect(c.situations.flatMap((q) => q.options).some((o) => o.effects.addMaterials.length), c.name).toBe(true);
      expect(c.legalBasis && c.conditions && c.guide.place && c.statutoryLimitDays !== null && c.promisedLimitDays !== null, c.name).toBeTruthy();
    }
  });
});
