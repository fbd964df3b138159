import { Checkbox, Radio, Space, Typography } from 'antd';
import type { SituationAnswers, SituationQuestion } from '@jsga/contracts';

const chosenOf = (raw: SituationAnswers[string] | undefined) => (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);

/**
 * Only the answers to questions that are open (asked at the top level, or opened by a chosen option),
 * in the shape the server takes: a key for single choice, a list for multiple choice.
 */
export function openAnswers(questions: readonly SituationQuestion[], answers: SituationAnswers): SituationAnswers {
  const out: SituationAnswers = {};
  const visit = (qs: readonly SituationQuestion[]) => {
    for (const q of qs) {
      const chosen = chosenOf(answers[q.key]).filter((k) => q.options.some((o) => o.key === k));
      if (!chosen.length) continue;
      out[q.key] = q.type === 'single' ? chosen[0] : chosen;
      for (const o of q.options) if (chosen.includes(o.key)) visit(o.children);
    }
  };
  visit(questions);
  return out;
}

/** 情形: single choice as radios, multiple choice as checkboxes; a chosen option shows its child questions indented. */
export function SituationQuestions({
  questions,
  answers,
  onAnswer,
}: {
  questions: readonly SituationQuestion[];
  answers: SituationAnswers;
  onAnswer: (key: string, value: string | string[]) => void;
}) {
  return (
    <>
      {questions.map((q) => {
        const chosen = chosenOf(answers[q.key]);
        return (
          <div key={q.key} style={{ marginBottom: 10 }}>
            <Typography.Text strong id={`situation-${q.key}`}>
              {q.text}
            </Typography.Text>
            {q.type === 'multiple' && <Typography.Text type="secondary">（可多选）</Typography.Text>}
            {q.help && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{q.help}</Typography.Text>}
            <div style={{ marginTop: 4 }}>
              {q.type === 'single' ? (
                <Radio.Group aria-labelledby={`situation-${q.key}`} value={chosen[0]} onChange={(e) => onAnswer(q.key, e.target.value as string)}>
                  <Space direction="vertical" size={2}>
                    {q.options.map((o) => <Radio key={o.key} value={o.key}>{o.label}</Radio>)}
                  </Space>
                </Radio.Group>
              ) : (
                <Checkbox.Group aria-labelledby={`situation-${q.key}`} value={chosen} onChange={(v) => onAnswer(q.key, v as string[])}>
                  <Space direction="vertical" size={2}>
                    {q.options.map((o) => <Checkbox key={o.key} value={o.key}>{o.label}</Checkbox>)}
                  </Space>
                </Checkbox.Group>
              )}
            </div>
            {q.options
              .filter((o) => chosen.includes(o.key) && o.children.length > 0)
              .map((o) => (
                <div key={o.key} style={{ marginInlineStart: 16, paddingInlineStart: 10, borderInlineStart: '2px solid #e6f4ff', marginTop: 6 }}>
                  <SituationQuestions questions={o.children} answers={answers} onAnswer={onAnswer} />
                </div>
              ))}
          </div>
        );
      })}
    </>
  );
}
