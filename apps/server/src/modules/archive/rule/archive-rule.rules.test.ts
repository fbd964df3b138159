import { describe, expect, it } from 'vitest';
import { defaultCatalogue, missingItems } from './archive-rule.rules';

describe('归档材料目录', () => {
  const catalogue = defaultCatalogue([{ code: 'ID_CARD', name: '居民身份证', required: true }, { code: 'LOSS_STATEMENT', name: '驾驶证遗失声明', required: false }]);

  it('orders 申报 → 过程 → 结果 with the matter\'s materials after the form', () => {
    expect(catalogue.map((c) => `${c.folder}:${c.name}`)).toEqual([
      'application:申请表', 'application:居民身份证', 'application:驾驶证遗失声明', 'process:容缺受理承诺书', 'process:办理过程记录', 'result:结果文书',
    ]);
  });

  it('清点 lists the required items nothing was collected for, and only those', () => {
    expect(missingItems(catalogue, [{ kind: 'application_form', materialCode: null }, { kind: 'material', materialCode: 'LOSS_STATEMENT' }, { kind: 'process_record', materialCode: null }]))
      .toEqual([{ kind: 'material', name: '居民身份证' }, { kind: 'result_document', name: '结果文书' }]);
    expect(missingItems(catalogue, [
      { kind: 'application_form', materialCode: null }, { kind: 'material', materialCode: 'ID_CARD' }, { kind: 'process_record', materialCode: null }, { kind: 'result_document', materialCode: null },
    ])).toEqual([]);
  });
});
