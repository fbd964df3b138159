import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Grid, List, Progress, Radio, Result, Skeleton, Space, Typography } from 'antd';
import { CheckCircleOutlined, FormOutlined, PrinterOutlined, RedoOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { MatterChecklist, PublicMatterGuide, SituationAnswers } from '@jsga/contracts';
import { isApiError } from '../../app/request';
import { MaterialsView } from './components/MaterialsView';
import { usePortalChecklist, usePortalGuide } from './api';
import { formatDays, formatFen, formatVisits, matterPath } from './labels';
import { answer, chosenOf, describeAnswers, openAnswers, openQuestions } from './situation-steps';

type Problem = { questionKey: string; reason: string; message: string };
const problemsOf = (error: unknown): Problem[] => {
  const problems = isApiError(error) ? (error.details as { problems?: unknown } | null)?.problems : null;
  return Array.isArray(problems) ? (problems as Problem[]) : [];
};

/** 一单告知: the materials and conditions for the citizen's situation, ready to print. */
function ChecklistView({ g, answers, checklist, onRestart }: { g: PublicMatterGuide; answers: SituationAnswers; checklist: MatterChecklist; onRestart: () => void }) {
  const screens = Grid.useBreakpoint();
  const described = describeAnswers(g.situations, answers);
  const conditions = checklist.eligibilityRules.map((r) => r.message).filter((m): m is string => !!m);
  const required = checklist.materials.filter((m) => m.required).length;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} aria-label="一单告知">
      <Card>
        <Result
          style={{ padding: '8px 0' }}
          status="success"
          icon={<CheckCircleOutlined />}
          title={`一单告知：${g.name}`}
          subTitle={`按您的情况，共需准备 ${checklist.materials.length} 项材料（其中必要材料 ${required} 项）。`}
          extra={
            <Space wrap className="portal-actions no-print">
              {g.channels.some((ch) => ch === 'online' || ch === 'mobile') && (
                <Link to={`/portal/apply?matter=${encodeURIComponent(g.code)}&answers=${encodeURIComponent(JSON.stringify(answers))}`}>
                  <Button type="primary" size="large" icon={<FormOutlined />}>在线申请</Button>
                </Link>
              )}
              <Button size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>打印清单</Button>
              <Button size="large" icon={<RedoOutlined />} onClick={onRestart}>重新选择</Button>
            </Space>
          }
        />
      </Card>
      {described.length > 0 && (
        <Card title="您的情形">
          <Descriptions size="small" column={1} bordered>
            {described.map((d) => <Descriptions.Item key={d.key} label={d.question}>{d.options.join('、')}</Descriptions.Item>)}
          </Descriptions>
        </Card>
      )}
      <Card title="需要准备的材料">
        <MaterialsView materials={checklist.materials} compact={!screens.md} caption="需要准备的材料" />
      </Card>
      {(conditions.length > 0 || g.conditions.trim()) && (
        <Card title="办理条件">
          {conditions.length > 0 && (
            <section aria-label="您的情形须符合的条件">
              <List dataSource={conditions} renderItem={(c) => <List.Item><Typography.Text>• {c}</Typography.Text></List.Item>} style={{ marginBottom: 8 }} />
            </section>
          )}
          {g.conditions.trim() && <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{g.conditions}</Typography.Paragraph>}
        </Card>
      )}
      <Card title="办理须知">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="办理地点">{g.guide.place || '无'}</Descriptions.Item>
          <Descriptions.Item label="办公时间">{g.guide.hours || '无'}</Descriptions.Item>
          <Descriptions.Item label="咨询电话">{g.guide.phone || '无'}</Descriptions.Item>
          <Descriptions.Item label="承诺时限">{formatDays(g.promisedLimitDays)}</Descriptions.Item>
          <Descriptions.Item label="跑动次数">{formatVisits(g.visits)}</Descriptions.Item>
          <Descriptions.Item label="收费">{formatFen(g.feeFen)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}

/** The questions one at a time; the checklist once every open question is answered. */
function Wizard({ g }: { g: PublicMatterGuide }) {
  const [answers, setAnswers] = useState<SituationAnswers>({});
  const [step, setStep] = useState(0);
  const [done, setDone] = useState(g.situations.length === 0);
  const open = openQuestions(g.situations, answers);
  const sent = openAnswers(g.situations, answers);
  const checklist = usePortalChecklist(g.code, sent, done);
  const restart = () => { setAnswers({}); setStep(0); setDone(g.situations.length === 0); };

  if (done) {
    if (checklist.isLoading) return <Card><Skeleton active /></Card>;
    if (checklist.isError || !checklist.data) {
      const problems = problemsOf(checklist.error);
      return (
        <Card>
          <Alert
            type="error"
            showIcon
            message={isApiError(checklist.error) ? checklist.error.message : '无法生成材料清单，请稍后重试'}
            description={problems.length > 0 && <ul style={{ margin: 0, paddingInlineStart: 20 }}>{problems.map((p) => <li key={`${p.reason}:${p.questionKey}`}>{p.message}</li>)}</ul>}
          />
          <Space style={{ marginTop: 12 }} className="portal-actions">
            <Button type="primary" size="large" onClick={() => setDone(false)}>返回修改</Button>
            <Button size="large" onClick={restart}>重新选择</Button>
          </Space>
        </Card>
      );
    }
    return <ChecklistView g={g} answers={answers} checklist={checklist.data} onRestart={restart} />;
  }

  const index = Math.min(step, open.length - 1);
  const q = open[index];
  const chosen = chosenOf(q, answers);
  const isLast = index === open.length - 1;
  const labelId = `portal-q-${q.key}`;
  const set = (value: string | string[]) => setAnswers((a) => answer(g.situations, a, q.key, value));
  const previous = describeAnswers(g.situations, answers).filter((d) => open.findIndex((x) => x.key === d.key) < index);

  return (
    <Card title="在线导办：请根据您的实际情况回答">
      <Progress percent={Math.round((index / open.length) * 100)} showInfo={false} aria-label="答题进度" />
      <Typography.Text type="secondary">第 {index + 1} 题，共 {open.length} 题（题数会随您的回答变化）</Typography.Text>
      {previous.length > 0 && (
        <List
          size="small"
          style={{ margin: '12px 0' }}
          dataSource={previous}
          renderItem={(d) => (
            <List.Item actions={[<Button key="edit" type="link" onClick={() => setStep(open.findIndex((x) => x.key === d.key))} aria-label={`修改：${d.question}`}>修改</Button>]}>
              <Typography.Text type="secondary">{d.question}</Typography.Text>：{d.options.join('、')}
            </List.Item>
          )}
        />
      )}
      <fieldset style={{ border: 'none', padding: 0, margin: '16px 0 0' }}>
        <Typography.Title level={4} id={labelId} style={{ marginTop: 0 }}>
          {q.text}{q.type === 'multiple' && <Typography.Text type="secondary" style={{ fontSize: 14 }}>（可多选）</Typography.Text>}
        </Typography.Title>
        {q.help && <Typography.Paragraph type="secondary">{q.help}</Typography.Paragraph>}
        <div className="portal-choice" role={q.type === 'single' ? 'radiogroup' : 'group'} aria-labelledby={labelId}>
          {q.type === 'single' ? (
            <Radio.Group value={chosen[0]} onChange={(e) => set(e.target.value as string)} style={{ width: '100%' }}>
              {q.options.map((o) => <Radio key={o.key} value={o.key}>{o.label}</Radio>)}
            </Radio.Group>
          ) : (
            <Checkbox.Group value={chosen} onChange={(v) => set(v as string[])} style={{ width: '100%', display: 'block' }}>
              {q.options.map((o) => <Checkbox key={o.key} value={o.key}>{o.label}</Checkbox>)}
            </Checkbox.Group>
          )}
        </div>
      </fieldset>
      <Space className="portal-actions" style={{ width: '100%', marginTop: 8 }} wrap>
        {index > 0 && <Button size="large" onClick={() => setStep(index - 1)}>上一题</Button>}
        <Button type="primary" size="large" disabled={chosen.length === 0} onClick={() => (isLast ? setDone(true) : setStep(index + 1))}>
          {isLast ? '生成材料清单' : '下一题'}
        </Button>
      </Space>
    </Card>
  );
}

/** 在线导办 page: the situation questions of a published matter, then its 一单告知. */
export function PortalGuidePage() {
  const { code = '' } = useParams();
  const guide = usePortalGuide(code);
  if (guide.isLoading) return <Card><Skeleton active /></Card>;
  if (guide.isError || !guide.data) {
    const notFound = isApiError(guide.error) && guide.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '事项不存在或未发布' : '加载失败'}
        subTitle={notFound ? '请返回首页重新搜索。' : '请稍后重试。'}
        extra={notFound ? <Link to="/portal">返回首页</Link> : <Button type="primary" onClick={() => guide.refetch()}>重试</Button>}
      />
    );
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary" className="no-print">
        <Link to="/portal">首页</Link> / <Link to={matterPath(code)}>{guide.data.name}</Link> / 在线导办
      </Typography.Text>
      <Wizard key={guide.data.versionId} g={guide.data} />
    </Space>
  );
}
