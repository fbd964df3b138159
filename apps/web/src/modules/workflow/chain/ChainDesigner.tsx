import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Steps, Switch, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { DeployWorkflowBody, type WorkflowDefinitionView } from '@jsga/contracts';
import { useDeploy } from '../api';
import { OrgSelect } from '../components/OrgSelect';
import { RoleSelect, useRoleNames } from '../components/RoleSelect';
import { saveProblemsOf, type SaveProblems } from '../components/save-problems';
import {
  countersignModeLabels,
  DEFAULT_COLLECTION,
  newStep,
  orgRelationLabels,
  validateChain,
  type ApprovalChain,
  type ChainStep,
  type CountersignMode,
  type OrgRelation,
} from './chain-model';
import { chainToBpmn } from './chain-to-bpmn';

interface Props {
  initial: ApprovalChain;
  /** The key of an existing definition (saving adds a version); new chains ask for one. */
  fixedKey?: string;
  canEdit: boolean;
  onSaved: (view: WorkflowDefinitionView, xml: string) => void;
  onModifiedChange?: (modified: boolean) => void;
}

const optionsOf = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** The process id a key gives (BPMN ids may not contain '-'). */
const processIdOf = (key: string) => (/^[a-z]/.test(key) ? key.replace(/-/g, '_') : 'approval');

/**
 * 审批链设计: an ordered list of steps for users who do not draw BPMN. Saving generates the BPMN
 * (with its diagram) and deploys it as a new draft version of the key.
 */
export function ChainDesigner({ initial, fixedKey, canEdit, onSaved, onModifiedChange }: Props) {
  const [chain, setChain] = useState<ApprovalChain>(initial);
  const [key, setKey] = useState(fixedKey ?? '');
  const [modified, setModified] = useState(false);
  const [clientProblems, setClientProblems] = useState<string[]>([]);
  const [server, setServer] = useState<SaveProblems | null>(null);
  const deploy = useDeploy();
  const roleName = useRoleNames();

  useEffect(() => onModifiedChange?.(modified), [modified, onModifiedChange]);

  const change = (next: ApprovalChain) => {
    setChain(next);
    setModified(true);
    if (clientProblems.length) setClientProblems(validateChain(next));
  };
  const setStep = (i: number, patch: Partial<ChainStep>) => change({ ...chain, steps: chain.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const move = (i: number, d: -1 | 1) => {
    const steps = [...chain.steps];
    [steps[i], steps[i + d]] = [steps[i + d], steps[i]];
    change({ ...chain, steps });
  };
  const remove = (i: number) => change({ ...chain, steps: chain.steps.filter((_, j) => j !== i) });
  const add = () => change({ ...chain, steps: [...chain.steps, newStep(chain.steps, { role: chain.steps.at(-1)?.role ?? '' })] });

  const effective: ApprovalChain = useMemo(() => (fixedKey ? chain : { ...chain, processId: processIdOf(key) }), [chain, key, fixedKey]);

  const save = async () => {
    const problems = validateChain(effective);
    if (!fixedKey) {
      const k = DeployWorkflowBody.shape.key.safeParse(key);
      if (!k.success) problems.unshift(k.error.issues[0]?.message ?? '流程标识不正确');
    }
    setClientProblems(problems);
    setServer(null);
    if (problems.length) return;
    const xml = chainToBpmn(effective);
    try {
      const view = await deploy.mutateAsync({ key: fixedKey ?? key.trim(), xml });
      setModified(false);
      onSaved(view, xml);
    } catch (e) {
      setServer(saveProblemsOf(e));
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (canEdit && !deploy.isPending) void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title="基本信息">
        <Form layout="inline" style={{ rowGap: 8 }} disabled={!canEdit}>
          <Form.Item label="流程名称" htmlFor="chain-name" required>
            <Input id="chain-name" style={{ width: 260 }} value={chain.name} maxLength={64} onChange={(e) => change({ ...chain, name: e.target.value })} placeholder="如：户口迁移审批" />
          </Form.Item>
          <Form.Item label="流程标识" htmlFor="chain-key" required tooltip="事项通过流程标识引用流程；保存后不可修改，再次保存生成新版本">
            <Input
              id="chain-key"
              style={{ width: 220 }}
              value={key}
              disabled={!!fixedKey}
              onChange={(e) => {
                setKey(e.target.value.trim());
                setModified(true);
              }}
              placeholder="小写字母开头，如 hukou-move"
            />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={chain.rejectEnds} onChange={(e) => change({ ...chain, rejectEnds: e.target.checked })}>
              任一步骤不通过即结束流程
            </Checkbox>
          </Form.Item>
        </Form>
      </Card>

      <Card
        size="small"
        title={`审批步骤（${chain.steps.length}）`}
        extra={
          canEdit && (
            <Space>
              <Button icon={<PlusOutlined />} onClick={add}>
                添加步骤
              </Button>
              <Button type="primary" icon={<SaveOutlined />} loading={deploy.isPending} onClick={() => void save()}>
                {fixedKey ? '保存为新版本' : '保存'}
              </Button>
            </Space>
          )
        }
      >
        {(clientProblems.length > 0 || server) && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={server ? server.message : '请先修改以下问题'}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {(server ? server.problems : clientProblems).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {chain.steps.map((s, i) => (
            <StepEditor
              key={s.id}
              index={i}
              step={s}
              count={chain.steps.length}
              canEdit={canEdit}
              onChange={(patch) => setStep(i, patch)}
              onMove={(d) => move(i, d)}
              onRemove={() => remove(i)}
            />
          ))}
          {chain.steps.length === 0 && <Typography.Text type="secondary">尚无步骤，请点击“添加步骤”。</Typography.Text>}
        </Space>
      </Card>

      <Card size="small" title="流程预览（开始 → 各步骤 → 办结）">
        <Steps
          size="small"
          items={[
            ...chain.steps.map((s) => ({
              title: s.name || '（未命名）',
              status: 'process' as const,
              description: (
                <Space size={2} direction="vertical" style={{ fontSize: 12 }}>
                  <span>
                    {roleName(s.role)} · {orgRelationLabels[s.orgRelation]}
                  </span>
                  <span>{s.limitDays ? `${s.limitDays} 个工作日` : '不限时'}</span>
                  {s.countersign && <Tag color="purple">会签 · {countersignModeLabels[s.countersign.mode]}{s.countersign.mode === 'ratio' ? ` ${s.countersign.ratio ?? ''}%` : ''}</Tag>}
                  {s.condition?.trim() && <Tag color="gold">当 {s.condition.trim()}</Tag>}
                </Space>
              ),
            })),
          ]}
        />
        {chain.rejectEnds && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            每一步“不通过”时流程结束（不予通过）；“退回”可回到之前任一步骤。
          </Typography.Text>
        )}
      </Card>
    </Space>
  );
}

function StepEditor({
  index,
  step,
  count,
  canEdit,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  step: ChainStep;
  count: number;
  canEdit: boolean;
  onChange: (patch: Partial<ChainStep>) => void;
  onMove: (d: -1 | 1) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const cs = step.countersign;
  const fid = (f: string) => `step-${step.id}-${f}`;
  return (
    <Card size="small" styles={{ body: { padding: 12 } }} data-testid={`chain-step-${n}`}>
      <Form layout="vertical" size="small" disabled={!canEdit} component="div">
        <Row gutter={12} align="bottom">
          <Col flex="none">
            <Tag color="blue" style={{ marginBottom: 14, fontSize: 14, padding: '2px 8px' }}>
              {n}
            </Tag>
          </Col>
          <Col flex="160px">
            <Form.Item label="步骤名称" htmlFor={fid('name')} style={{ marginBottom: 8 }}>
              <Input id={fid('name')} aria-label={`第${n}步名称`} value={step.name} maxLength={32} onChange={(e) => onChange({ name: e.target.value })} placeholder="如：审核" />
            </Form.Item>
          </Col>
          <Col flex="220px">
            <Form.Item label="办理角色" htmlFor={fid('role')} style={{ marginBottom: 8 }}>
              <RoleSelect id={fid('role')} ariaLabel={`第${n}步办理角色`} value={step.role} onChange={(role) => onChange({ role })} />
            </Form.Item>
          </Col>
          <Col flex="130px">
            <Form.Item label="办理单位" htmlFor={fid('org')} style={{ marginBottom: 8 }}>
              <Select
                id={fid('org')}
                aria-label={`第${n}步办理单位`}
                value={step.orgRelation}
                onChange={(orgRelation: OrgRelation) => onChange({ orgRelation, ...(orgRelation !== 'specified' ? { orgId: null } : {}) })}
                options={optionsOf(orgRelationLabels)}
              />
            </Form.Item>
          </Col>
          {step.orgRelation === 'specified' && (
            <Col flex="240px">
              <Form.Item label="指定单位" htmlFor={fid('orgId')} style={{ marginBottom: 8 }}>
                <OrgSelect id={fid('orgId')} ariaLabel={`第${n}步指定单位`} value={step.orgId} onChange={(orgId) => onChange({ orgId: orgId || null })} />
              </Form.Item>
            </Col>
          )}
          <Col flex="150px">
            <Form.Item label="办理时限" htmlFor={fid('limit')} style={{ marginBottom: 8 }}>
              <InputNumber
                id={fid('limit')}
                aria-label={`第${n}步办理时限`}
                min={1}
                max={365}
                precision={0}
                suffix="工作日"
                placeholder="不限"
                value={step.limitDays ?? null}
                onChange={(v) => onChange({ limitDays: typeof v === 'number' ? v : null })}
              />
            </Form.Item>
          </Col>
          <Col flex="auto" style={{ textAlign: 'right' }}>
            {canEdit && (
              <Space size={4} style={{ marginBottom: 8 }}>
                <Tooltip title="上移">
                  <Button aria-label={`第${n}步上移`} icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} />
                </Tooltip>
                <Tooltip title="下移">
                  <Button aria-label={`第${n}步下移`} icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(1)} />
                </Tooltip>
                <Tooltip title="删除步骤">
                  <Button aria-label={`删除第${n}步`} danger icon={<DeleteOutlined />} onClick={onRemove} />
                </Tooltip>
              </Space>
            )}
          </Col>
        </Row>
        <Row gutter={12} align="middle">
          <Col flex="none" style={{ width: 38 }} />
          <Col flex="300px">
            <Form.Item label="经过条件（可选）" htmlFor={fid('cond')} style={{ marginBottom: 0 }} tooltip="满足条件才经过此步骤，否则跳过；可使用表单字段，如 金额 > 100">
              <Input id={fid('cond')} aria-label={`第${n}步条件`} value={step.condition ?? ''} onChange={(e) => onChange({ condition: e.target.value || null })} placeholder="留空表示始终经过，如：金额 > 100" />
            </Form.Item>
          </Col>
          <Col flex="none">
            <Form.Item label="会签" htmlFor={fid('cs')} style={{ marginBottom: 0 }}>
              <Switch
                id={fid('cs')}
                aria-label={`第${n}步会签`}
                checked={!!cs}
                onChange={(on) => onChange({ countersign: on ? { mode: 'all', collection: DEFAULT_COLLECTION } : null })}
              />
            </Form.Item>
          </Col>
          {cs && (
            <>
              <Col flex="150px">
                <Form.Item label="会签方式" htmlFor={fid('mode')} style={{ marginBottom: 0 }}>
                  <Select
                    id={fid('mode')}
                    aria-label={`第${n}步会签方式`}
                    value={cs.mode}
                    onChange={(mode: CountersignMode) => onChange({ countersign: { ...cs, mode, ...(mode === 'ratio' ? { ratio: cs.ratio ?? 60 } : {}) } })}
                    options={optionsOf(countersignModeLabels)}
                  />
                </Form.Item>
              </Col>
              {cs.mode === 'ratio' && (
                <Col flex="120px">
                  <Form.Item label="通过比例" htmlFor={fid('ratio')} style={{ marginBottom: 0 }}>
                    <InputNumber
                      id={fid('ratio')}
                      aria-label={`第${n}步通过比例`}
                      min={1}
                      max={100}
                      precision={0}
                      suffix="%"
                      value={cs.ratio ?? 60}
                      onChange={(v) => onChange({ countersign: { ...cs, ratio: typeof v === 'number' ? v : undefined } })}
                    />
                  </Form.Item>
                </Col>
              )}
              <Col flex="200px">
                <Form.Item label="会签人员（流程变量）" htmlFor={fid('collection')} style={{ marginBottom: 0 }} tooltip="发起流程时提供的会签人员列表（用户 ID 数组）的变量名">
                  <Input id={fid('collection')} aria-label={`第${n}步会签人员`} value={cs.collection} onChange={(e) => onChange({ countersign: { ...cs, collection: e.target.value } })} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Card>
  );
}

