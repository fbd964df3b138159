import { describe, expect, it } from 'vitest';
import { twoSituationConfig } from '../testing/matter-config.fixture';
import { findNarrowingViolations } from './narrowing.rules';

const rulesOf = (impl: ReturnType<typeof twoSituationConfig>) => findNarrowingViolations(twoSituationConfig(), impl).map((v) => `${v.rule} ${v.path}`);

describe('implementing matter narrowing', () => {
  it('may shorten the promised limit, drop an optional material, add an optional one and change its own guide and channels', () => {
    const impl = twoSituationConfig({ promisedLimitDays: 3, channels: ['window'], guide: { place: '新街口派出所户籍窗口', hours: '工作日 9:00-17:00' } });
    impl.materials = impl.materials.filter((m) => m.code !== 'PHOTO');
    impl.materials.push({ ...impl.materials[0], code: 'LOCAL', name: '本地补充说明', source: 'applicant', elicenseType: null, required: false });
    expect(rulesOf(impl)).toEqual([]);
  });

  it('may not drop a required material, make an optional one required, or add a required one', () => {
    const impl = twoSituationConfig();
    impl.materials = impl.materials.filter((m) => m.code !== 'FORM');
    impl.materials.find((m) => m.code === 'PHOTO')!.required = true;
    impl.materials.push({ ...impl.materials[0], code: 'EXTRA', name: '额外证明', source: 'applicant', elicenseType: null });
    expect(rulesOf(impl)).toEqual(['required_kept materials[FORM]', 'required_unchanged materials[PHOTO].required', 'no_new_required materials[EXTRA]']);
  });

  it('may not lengthen time limits, charge more, ask for more visits or widen the applicant types and handling modes', () => {
    const impl = twoSituationConfig({ statutoryLimitDays: 30, promisedLimitDays: 12, feeFen: 100, feeNote: '工本费', visits: 2,
      applicantTypes: ['natural_person', 'legal_person'], handlingModes: ['collect'] });
    expect(rulesOf(impl)).toEqual([
      'subset applicantTypes', 'subset handlingModes', 'not_longer statutoryLimitDays', 'not_longer promisedLimitDays', 'not_more feeFen', 'not_more visits',
    ]);
  });

  it('keeps the name, police type and legal basis of the standard matter', () => {
    expect(rulesOf(twoSituationConfig({ name: '本地户口迁移', legalBasis: '本地规定' }))).toEqual(['same_source name', 'same_source legalBasis']);
  });
});
