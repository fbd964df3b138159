import { describe, expect, it } from 'vitest';
import { twoSituationConfig } from '../testing/matter-config.fixture';
import { diffConfigs } from './diff.rules';

describe('version diff', () => {
  it('is empty for identical configurations', () => {
    expect(diffConfigs(twoSituationConfig(), twoSituationConfig())).toEqual([]);
  });

  it('lists changed fields, added and removed materials, and changes deep in the situation tree by key', () => {
    const a = twoSituationConfig();
    const b = twoSituationConfig({ promisedLimitDays: 5 });
    b.materials = b.materials.filter((m) => m.code !== 'PHOTO');
    b.materials.push({ ...b.materials[0], code: 'RESIDENCE', name: '居住证明', source: 'applicant', elicenseType: null, required: false });
    b.materials[2].required = false;
    b.situations[0].options[0].children[0].options[1].effects.processKey = 'hukou_graduate_v2';
    const changes = diffConfigs(a, b);
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      'changed promisedLimitDays',
      'changed materials[FORM].required',
      'removed materials[PHOTO]',
      'added materials[RESIDENCE]',
      'changed situations[reason].options[college].children[direction].options[graduate].effects.processKey',
    ]);
    expect(changes[0]).toMatchObject({ before: 10, after: 5 });
  });

  it('reports a reordering of materials', () => {
    const a = twoSituationConfig();
    const b = twoSituationConfig();
    b.materials.reverse();
    expect(diffConfigs(a, b)).toEqual([expect.objectContaining({ path: 'materials', kind: 'changed' })]);
  });
});
