import { describe, expect, it } from 'vitest';
import type { AppError } from '@jsga/kernel';
import { twoSituationConfig } from '../testing/matter-config.fixture';
import { deriveChecklist } from './situation.rules';

const problemsOf = (fn: () => unknown) => {
  try { fn(); } catch (e) { return { code: (e as AppError).code, problems: ((e as AppError).details as { problems: Array<{ reason: string; questionKey: string }> }).problems }; }
  throw new Error('expected an error');
};

describe('situation checklist (一单告知)', () => {
  const config = twoSituationConfig();

  it('a college student enrolling adds the admission letter, the school section and an age rule', () => {
    const c = deriveChecklist(config, { reason: 'college', direction: 'enrol' });
    expect(c.materials.map((m) => m.code)).toEqual(['ID_CARD', 'HUKOU_BOOK', 'FORM', 'PHOTO', 'ADMISSION']);
    expect(c.sections).toEqual(['applicant', 'move', 'school']);
    expect(c.processKey).toBe('hukou_standard');
    expect(c.eligibilityRules).toEqual([{ questionKey: 'direction', optionKey: 'enrol', expression: 'age(applicant.idNo) >= 15', message: '须年满15周岁' }]);
    expect(c.selected).toEqual([{ questionKey: 'reason', optionKeys: ['college'] }, { questionKey: 'direction', optionKeys: ['enrol'] }]);
  });

  it('a graduate swaps the application form for the diploma and routes to another process', () => {
    const c = deriveChecklist(config, { reason: 'college', direction: 'graduate' });
    expect(c.materials.map((m) => m.code)).toEqual(['ID_CARD', 'HUKOU_BOOK', 'PHOTO', 'DIPLOMA']);
    expect(c.materials.find((m) => m.code === 'DIPLOMA')!.allowTolerance).toBe(true);
    expect(c.processKey).toBe('hukou_graduate');
  });

  it('a spouse adds the marriage certificate and replaces the move section', () => {
    const c = deriveChecklist(config, { reason: 'spouse' });
    expect(c.materials.map((m) => m.code)).toEqual(['ID_CARD', 'HUKOU_BOOK', 'FORM', 'PHOTO', 'MARRIAGE']);
    expect(c.sections).toEqual(['applicant', 'spouse']);
  });

  it('accepts a single answer sent as a one-element list', () => {
    expect(deriveChecklist(config, { reason: ['spouse'] }).selected).toEqual([{ questionKey: 'reason', optionKeys: ['spouse'] }]);
  });

  it('refuses unknown questions and options, missing answers, two answers to a single choice, and answers that do not apply', () => {
    expect(problemsOf(() => deriveChecklist(config, { reason: 'college', direction: 'enrol', colour: 'red' })).problems)
      .toEqual([expect.objectContaining({ questionKey: 'colour', reason: 'unknown_question' })]);
    expect(problemsOf(() => deriveChecklist(config, { reason: 'alien' })).problems)
      .toEqual([expect.objectContaining({ questionKey: 'reason', reason: 'unknown_option' })]);
    expect(problemsOf(() => deriveChecklist(config, { reason: 'college' })).problems)
      .toEqual([expect.objectContaining({ questionKey: 'direction', reason: 'missing' })]);
    expect(problemsOf(() => deriveChecklist(config, { reason: ['college', 'spouse'] })).problems)
      .toEqual([expect.objectContaining({ questionKey: 'reason', reason: 'single_choice' })]);
    const e = problemsOf(() => deriveChecklist(config, { reason: 'spouse', direction: 'enrol' }));
    expect(e.code).toBe('MATTER_SITUATION_ANSWER_INVALID');
    expect(e.problems).toEqual([expect.objectContaining({ questionKey: 'direction', reason: 'not_applicable' })]);
  });

  it('without situations the checklist is the non-situational materials', () => {
    const c = deriveChecklist(twoSituationConfig({ situations: [] }), {});
    expect(c.materials.map((m) => m.code)).toEqual(['ID_CARD', 'HUKOU_BOOK', 'FORM', 'PHOTO']);
  });
});
