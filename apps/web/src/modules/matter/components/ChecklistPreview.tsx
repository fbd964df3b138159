import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Empty, List, Radio, Space, Spin, Tag, Typography } from 'antd';
import { materialFormLabels, materialSourceLabels, type MatterChecklist, type SituationAnswers, type SituationQuestion } from '@jsga/contracts';
import { isApiError } from '../../../app/request';
import { useChecklist } from '../api';

type AnswerProblem = { questionKey: string; reason: string; message: string };

/**
 * Only the answers to questions the other answers open (display state: which questions show). What
 * those answers mean for the materials is the server's to say.
 */
export function openAnswers(questions: readonly SituationQuestion[], answers: SituationAnswers): SituationAnswers {
  const out: SituationAnswers = {};
  const visit = (qs: readonly SituationQuestion[]) => {
    for (const q of qs) {
      const raw = answers[q.key];
      const chosen = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).filter((k) => q.options.some((o) => o.key === k));
      if (!chosen.length) continue;
      out[q.key] = q.type === 'single' ? chosen[0] : chosen;
      for (const o of q.options) if (chosen.includes(o.key)) visit(o.children);
    }
  };
  visit(questions);
  return out;
}

function Questions({ questions, answers, onAnswer }: { questions: SituationQuestion[]; answers: SituationAnswers; onAnswer: (key: string, value: string | string[] | undefined) => void }) {
  return (
    <>
      {questions.map((q) => {
        const raw = answers[q.key];
        const chosen = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
        return (
          <div key={q.key} style={{ marginBottom: 10 }}>
            <Typography.Text strong>{q.text}</Typography.Text>
            {q.help && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{q.help}</Typography.Text>}
            <div style={{ marginTop: 4 }}>
              {q.type === 'single' ? (
                <Radio.Group aria-label={q.text} value={chosen[0]} onChange={(e) => onAnswer(q.key, e.target.value as string)}>
                  <Space direction="vertical" size={2}>
                    {q.options.map((o) => <Radio key={o.key} value={o.key}>{o.label}</Radio>)}
                  </Space>
                </Radio.Group>
              ) : (
                <Checkbox.Group aria-label={q.text} value={chosen} onChange={(v) => onAnswer(q.key, v as string[])}>
                  <Space direction="vertical" size={2}>
                    {q.options.map((o) => <Checkbox key={o.key} value={o.key}>{o.label}</Checkbox>)}
                  </Space>
                </Checkbox.Group>
              )}
            </div>
            {q.options.filter((o) => chosen.includes(o.key) && o.children.length > 0).map((o) => (
              <div key={o.key} style={{ marginInlineStart: 16, paddingInlineStart: 10, borderInlineStart: '2px solid #e6f4ff', marginTop: 6 }}>
                <Questions questions={o.children} answers={answers} onAnswer={onAnswer} />
              </div>
            ))}
          </div>
        );
      })}
    </>
  );
}

function Result({ checklist }: { checklist: MatterChecklist }) {
  return (
    <div role="region" aria-label="一单告知材料清单">
      <List
        size="small"
        bordered
        header={<Typography.Text strong>需提交的材料（{checklist.materials.length} 项）</Typography.Text>}
        locale={{ emptyText: '无需提交材料' }}
        dataSource={checklist.materials}
        renderItem={(m) => (
          <List.Item>
            <Space size={4} wrap>
              <Typography.Text>{m.name}</Typography.Text>
              {m.required ? <Tag color="red">必要</Tag> : <Tag>非必要</Tag>}
              {m.allowTolerance && <Tag color="gold">可容缺</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {materialFormLabels[m.form]} × {m.count}，{materialSourceLabels[m.source]}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label="表单分区">{checklist.sections.length ? checklist.sections.map((s) => <Tag key={s}>{s}</Tag>) : '-'}</Descriptions.Item>
        <Descriptions.Item label="办理流程">{checklist.processKey ?? '-'}</Descriptions.Item>
        <Descriptions.Item label="资格规则">
          {checklist.eligibilityRules.length
            ? checklist.eligibilityRules.map((r, i) => <div key={`${r.questionKey}.${r.optionKey}.${i}`}>{r.message ?? r.expression}</div>)
            : '-'}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/**
 * 一单告知预览 of the published version: pick answers, and the server's public checklist endpoint
 * (`POST /api/matters/:code/checklist`, the one the portal uses) says which materials, sections and
 * process result. The derivation is not repeated in the browser.
 */
export function ChecklistPreview({ matterCode, situations, versionNo }: { matterCode: string; situations: SituationQuestion[]; versionNo: number }) {
  const [answers, setAnswers] = useState<SituationAnswers>({});
  const open = useMemo(() => openAnswers(situations, answers), [situations, answers]);
  const checklist = useChecklist(matterCode, open);
  const onAnswer = (key: string, value: string | string[] | undefined) => setAnswers((a) => ({ ...a, [key]: value ?? [] }));

  const err = checklist.error;
  const problems: AnswerProblem[] = isApiError(err) && Array.isArray((err.details as { problems?: unknown } | null)?.problems)
    ? ((err.details as { problems: AnswerProblem[] }).problems)
    : [];
  const missing = problems.filter((p) => p.reason === 'missing');
  const other = problems.filter((p) => p.reason !== 'missing');

  return (
    <div role="region" aria-label="一单告知预览">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>一单告知预览</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>现行版本 v{versionNo}，由服务端按情形规则生成</Typography.Text>
        <Button size="small" onClick={() => setAnswers({})} disabled={Object.keys(open).length === 0}>重新选择</Button>
      </Space>
      {situations.length > 0 && <Questions questions={situations} answers={answers} onAnswer={onAnswer} />}
      {checklist.isFetching && !checklist.data && <Spin size="small" />}
      {missing.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message="请继续选择" description={missing.map((p) => <div key={p.questionKey}>{p.message}</div>)} />
      )}
      {other.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={other.map((p) => p.message).join('；')} />}
      {err && problems.length === 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={isApiError(err) ? err.message : '无法生成材料清单'} />}
      {checklist.data && !err ? (
        <Result checklist={checklist.data} />
      ) : (
        !err && !checklist.isFetching && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="选择情形后显示材料清单" />
      )}
    </div>
  );
}
