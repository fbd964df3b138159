import { describe, expect, it } from 'vitest';
import { twoSituationConfig } from '../testing/matter-config.fixture';
import { findConfigProblems, normaliseConfig } from './config.rules';

describe('matter configuration checks', () => {
  it('accepts the two-situation fixture', () => {
    expect(findConfigProblems(twoSituationConfig())).toEqual([]);
  });

  it('names duplicate material codes, missing e-licence types and dangling material references', () => {
    const c = twoSituationConfig();
    c.materials.push({ ...c.materials[0] });
    c.materials[1] = { ...c.materials[1], elicenseType: null };
    c.situations[0].options[1].effects.addMaterials.push('NOPE');
    const problems = findConfigProblems(c);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining([
      'materials[ID_CARD]', 'materials[HUKOU_BOOK].elicenseType', 'situations[reason].options[spouse].effects',
    ]));
    expect(problems.find((p) => p.path.endsWith('effects'))!.message).toContain('NOPE');
  });

  it('refuses a promised limit beyond the statutory one, a fee without a note, and repeated question keys', () => {
    const c = twoSituationConfig({ promisedLimitDays: 30, feeFen: 2000 });
    c.situations.push({ ...c.situations[0] });
    const paths = findConfigProblems(c).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['promisedLimitDays', 'feeNote', 'situations[reason]', 'situations[direction]']));
  });

  it('accepts a registry effect the modules implement and names one they do not', () => {
    const c = twoSituationConfig();
    c.bindings = { ...c.bindings, registryEffect: 'birth_registration' };
    expect(findConfigProblems(c)).toEqual([]);
    c.bindings = { ...c.bindings, registryEffect: 'death_registration' };
    expect(findConfigProblems(c)).toEqual([expect.objectContaining({ path: 'bindings.registryEffect', message: expect.stringContaining('death_registration') })]);
  });

  it('derives online/offline availability from the channels and drops repeats', () => {
    const n = normaliseConfig(twoSituationConfig({ channels: ['mobile', 'mobile'], handlingModes: ['promised', 'promised'] }));
    expect(n).toMatchObject({ channels: ['mobile'], handlingModes: ['promised'], isOnline: true, isOffline: false });
  });
});
