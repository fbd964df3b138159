import type { SituationAnswers, SituationQuestion } from '@jsga/contracts';

/** The chosen option keys of one answer (valid for the question's options only). */
export function chosenOf(q: SituationQuestion, answers: SituationAnswers): string[] {
  const raw = answers[q.key];
  const keys = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return keys.filter((k) => q.options.some((o) => o.key === k));
}

/**
 * The questions asked for these answers, in the order they are put to the citizen: each top-level
 * question, directly followed by the child questions its chosen options open (depth first).
 */
export function openQuestions(questions: readonly SituationQuestion[], answers: SituationAnswers): SituationQuestion[] {
  const out: SituationQuestion[] = [];
  const visit = (qs: readonly SituationQuestion[]) => {
    for (const q of qs) {
      out.push(q);
      const chosen = chosenOf(q, answers);
      for (const o of q.options) if (chosen.includes(o.key)) visit(o.children);
    }
  };
  visit(questions);
  return out;
}

/** Only the answers to open questions, in the server's shape (a key for single choice, keys for multiple choice). */
export function openAnswers(questions: readonly SituationQuestion[], answers: SituationAnswers): SituationAnswers {
  const out: SituationAnswers = {};
  for (const q of openQuestions(questions, answers)) {
    const chosen = chosenOf(q, answers);
    if (chosen.length) out[q.key] = q.type === 'single' ? chosen[0] : chosen;
  }
  return out;
}

/** Answers `key` with `value` and drops the answers to questions that are no longer asked. */
export function answer(questions: readonly SituationQuestion[], answers: SituationAnswers, key: string, value: string | string[]): SituationAnswers {
  return openAnswers(questions, { ...answers, [key]: value });
}

/** Question text and chosen option labels, in the order asked, for the summary and the printout. */
export function describeAnswers(questions: readonly SituationQuestion[], answers: SituationAnswers): { key: string; question: string; options: string[] }[] {
  return openQuestions(questions, answers)
    .map((q) => ({ key: q.key, question: q.text, options: q.options.filter((o) => chosenOf(q, answers).includes(o.key)).map((o) => o.label) }))
    .filter((d) => d.options.length > 0);
}
