import { Empty, Space, Tag, Typography } from 'antd';
import type { MatterMaterial, SituationEffects, SituationOption, SituationQuestion } from '@jsga/contracts';

function Effects({ effects, materialNames }: { effects: SituationEffects; materialNames: Map<string, string> }) {
  const name = (code: string) => materialNames.get(code) ?? code;
  const tags: React.ReactNode[] = [];
  effects.addMaterials.forEach((c) => tags.push(<Tag key={`am-${c}`} color="green">+材料 {name(c)}</Tag>));
  effects.removeMaterials.forEach((c) => tags.push(<Tag key={`rm-${c}`} color="red">−材料 {name(c)}</Tag>));
  effects.addSections.forEach((c) => tags.push(<Tag key={`as-${c}`} color="cyan">+表单分区 {c}</Tag>));
  effects.removeSections.forEach((c) => tags.push(<Tag key={`rs-${c}`} color="orange">−表单分区 {c}</Tag>));
  if (effects.processKey) tags.push(<Tag key="process" color="blue">改走流程 {effects.processKey}</Tag>);
  if (effects.eligibilityRule)
    tags.push(
      <Tag key="rule" color="gold" title={effects.eligibilityRule}>
        资格规则{effects.eligibilityMessage ? `：${effects.eligibilityMessage}` : ''}
      </Tag>,
    );
  if (tags.length === 0) return null;
  return (
    <Space size={[2, 2]} wrap style={{ marginInlineStart: 8 }}>
      {tags}
    </Space>
  );
}

function OptionItem({ option, materialNames }: { option: SituationOption; materialNames: Map<string, string> }) {
  return (
    <li>
      <Typography.Text>{option.label}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
        [{option.key}]
      </Typography.Text>
      <Effects effects={option.effects} materialNames={materialNames} />
      {option.children.length > 0 && <QuestionList questions={option.children} materialNames={materialNames} />}
    </li>
  );
}

function QuestionList({ questions, materialNames }: { questions: SituationQuestion[]; materialNames: Map<string, string> }) {
  return (
    <ul style={{ paddingInlineStart: 20, margin: '4px 0' }}>
      {questions.map((q) => (
        <li key={q.key} style={{ marginBottom: 4 }}>
          <Typography.Text strong>{q.text}</Typography.Text>
          <Tag style={{ marginInlineStart: 6 }}>{q.type === 'single' ? '单选' : '多选'}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            [{q.key}]
          </Typography.Text>
          {q.help && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {q.help}
            </Typography.Text>
          )}
          <ul style={{ paddingInlineStart: 20, margin: '2px 0', listStyleType: 'circle' }}>
            {q.options.map((o) => (
              <OptionItem key={o.key} option={o} materialNames={materialNames} />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** 情形: the situation question tree as nested lists, each option with the effects it has when chosen. */
export function SituationTree({ situations, materials }: { situations: SituationQuestion[]; materials: MatterMaterial[] }) {
  if (situations.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本事项未配置情形" />;
  const materialNames = new Map(materials.map((m) => [m.code, m.name]));
  return (
    <div aria-label="情形问题树">
      <QuestionList questions={situations} materialNames={materialNames} />
    </div>
  );
}
