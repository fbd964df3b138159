import type { MatterConfig, MatterMaterial, SituationAnswers, SituationOption, SituationQuestion } from '@jsga/contracts';
import { walkQuestions } from '../version/config.rules';
import { matterErrors } from '../matter.errors';

export type AnswerProblem = {
  questionKey: string;
  optionKey?: string;
  reason: 'unknown_question' | 'unknown_option' | 'missing' | 'single_choice' | 'not_applicable';
  message: string;
};

export type Selection = { question: SituationQuestion; options: SituationOption[] };

/**
 * Checks answers against the situation tree and returns the chosen options in tree order (a question,
 * then the questions its chosen options open). Every question that applies must be answered; answers to
 * questions that do not exist, or that the other answers do not open, are refused rather than ignored.
 */
export function selectSituations(questions: SituationQuestion[], answers: SituationAnswers): Selection[] {
  const problems: AnswerProblem[] = [];
  const all = new Map<string, SituationQuestion>();
  walkQuestions(questions, (q) => all.set(q.key, q));
  for (const key of Object.keys(answers)) {
    if (!all.has(key)) problems.push({ questionKey: key, reason: 'unknown_question', message: `问题“${key}”不存在` });
  }
  const asked = new Set<string>();
  const selections: Selection[] = [];
  const visit = (qs: SituationQuestion[]) => {
    for (const q of qs) {
      asked.add(q.key);
      const raw = answers[q.key];
      const values = raw === undefined ? [] : [...new Set(Array.isArray(raw) ? raw : [raw])];
      if (!values.length) {
        problems.push({ questionKey: q.key, reason: 'missing', message: `请回答“${q.text}”` });
        continue;
      }
      if (q.type === 'single' && values.length > 1) {
        problems.push({ questionKey: q.key, reason: 'single_choice', message: `“${q.text}”只能选择一项` });
        continue;
      }
      const chosen: SituationOption[] = [];
      for (const v of values) {
        const option = q.options.find((o) => o.key === v);
        if (option) chosen.push(option);
        else problems.push({ questionKey: q.key, optionKey: v, reason: 'unknown_option', message: `“${q.text}”没有选项“${v}”` });
      }
      if (chosen.length !== values.length) continue;
      // Options in the order the tree lists them, so effects apply the same way whatever order the client sent.
      chosen.sort((a, b) => q.options.indexOf(a) - q.options.indexOf(b));
      selections.push({ question: q, options: chosen });
      for (const o of chosen) visit(o.children);
    }
  };
  visit(questions);
  for (const key of Object.keys(answers)) {
    if (all.has(key) && !asked.has(key)) {
      problems.push({ questionKey: key, reason: 'not_applicable', message: `根据其他选择，无需回答“${all.get(key)!.text}”` });
    }
  }
  if (problems.length) throw matterErrors.SITUATION_ANSWER_INVALID({ problems });
  return selections;
}

export type DerivedChecklist = {
  materials: MatterMaterial[];
  /** The bound forms; `sections` says which of their sections apply. */
  formKeys: string[];
  sections: string[];
  processKey: string | null;
  eligibilityRules: Array<{ questionKey: string; optionKey: string; expression: string; message: string | null }>;
  selected: Array<{ questionKey: string; optionKeys: string[] }>;
};

/**
 * 一单告知: the materials (non-situational ones, plus and minus what the chosen options say, in the
 * configured order), the form sections, the process (the last option in tree order that routes wins,
 * else the bound one) and the eligibility rules the chosen options carry.
 */
export function deriveChecklist(config: MatterConfig, answers: SituationAnswers): DerivedChecklist {
  const selections = selectSituations(config.situations, answers);
  const materials = new Set(config.materials.filter((m) => !m.situational).map((m) => m.code));
  const sections: string[] = [...config.bindings.sections];
  let processKey = config.bindings.processKey;
  const eligibilityRules: DerivedChecklist['eligibilityRules'] = [];
  for (const { question, options } of selections) {
    for (const o of options) {
      const e = o.effects;
      e.addMaterials.forEach((c) => materials.add(c));
      e.removeMaterials.forEach((c) => materials.delete(c));
      for (const s of e.addSections) if (!sections.includes(s)) sections.push(s);
      for (const s of e.removeSections) if (sections.includes(s)) sections.splice(sections.indexOf(s), 1);
      if (e.processKey) processKey = e.processKey;
      if (e.eligibilityRule) eligibilityRules.push({ questionKey: question.key, optionKey: o.key, expression: e.eligibilityRule, message: e.eligibilityMessage });
      for (const more of e.moreEligibility ?? []) eligibilityRules.push({ questionKey: question.key, optionKey: o.key, expression: more.rule, message: more.message });
    }
  }
  return {
    materials: config.materials.filter((m) => materials.has(m.code)),
    formKeys: [...config.bindings.formKeys],
    sections,
    processKey,
    eligibilityRules,
    selected: selections.map((s) => ({ questionKey: s.question.key, optionKeys: s.options.map((o) => o.key) })),
  };
}
