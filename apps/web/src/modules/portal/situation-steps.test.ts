import { describe, expect, it } from 'vitest';
import type { SituationQuestion } from '@jsga/contracts';
import { answer, describeAnswers, openAnswers, openQuestions } from './situation-steps';

const effects = { addMaterials: [], removeMaterials: [], addSections: [], removeSections: [], eligibilityRule: null, eligibilityMessage: null, moreEligibility: [], processKey: null };
const opt = (key: string, label: string, children: SituationQuestion[] = []) => ({ key, label, effects, children });
const tree: SituationQuestion[] = [
  { key: 'reason', text: '迁移原因', type: 'single', help: '', options: [
    opt('college', '大中专院校学生', [{ key: 'direction', text: '录取还是毕业', type: 'single', help: '', options: [opt('enrol', '录取'), opt('graduate', '毕业')] }]),
    opt('spouse', '夫妻投靠'),
  ] },
  { key: 'extras', text: '其他情况', type: 'multiple', help: '', options: [opt('minor', '随迁子女'), opt('elder', '随迁老人')] },
];

describe('situation steps', () => {
  it('asks a child question right after the option that opens it', () => {
    expect(openQuestions(tree, {}).map((q) => q.key)).toEqual(['reason', 'extras']);
    expect(openQuestions(tree, { reason: 'college' }).map((q) => q.key)).toEqual(['reason', 'direction', 'extras']);
  });

  it('drops answers to questions no longer asked, and unknown options', () => {
    const a = answer(tree, { reason: 'college', direction: 'enrol', extras: ['minor'] }, 'reason', 'spouse');
    expect(a).toEqual({ reason: 'spouse', extras: ['minor'] });
    expect(openAnswers(tree, { reason: 'nope', extras: ['elder', 'x'], colour: 'red' })).toEqual({ extras: ['elder'] });
  });

  it('describes the answers with the question text and option labels', () => {
    expect(describeAnswers(tree, { reason: 'college', direction: 'graduate', extras: ['minor', 'elder'] })).toEqual([
      { key: 'reason', question: '迁移原因', options: ['大中专院校学生'] },
      { key: 'direction', question: '录取还是毕业', options: ['毕业'] },
      { key: 'extras', question: '其他情况', options: ['随迁子女', '随迁老人'] },
    ]);
  });
});
