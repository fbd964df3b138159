import { useEffect, useReducer, useState, type ReactNode } from 'react';
import { Alert, Button, Divider, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { checkExpression } from '@jsga/form-engine';
import { completionConditionOf } from '../chain/chain-to-bpmn';
import { orgRelationLabels, type OrgRelation } from '../chain/chain-model';
import { OrgSelect } from '../components/OrgSelect';
import { RoleSelect } from '../components/RoleSelect';
import {
  is,
  timerDefinitionOf,
  unwrapExpression,
  wrapExpression,
  type BusinessObject,
  type Canvas,
  type DiagramElement,
  type DiagramHost,
  type EventBus,
  type Modeling,
  type Moddle,
  type Selection,
} from './services';

const typeLabels: Record<string, string> = {
  'bpmn:Process': '流程',
  'bpmn:Collaboration': '协作',
  'bpmn:Participant': '泳池',
  'bpmn:StartEvent': '开始事件',
  'bpmn:EndEvent': '结束事件',
  'bpmn:UserTask': '人工任务',
  'bpmn:ServiceTask': '服务任务',
  'bpmn:Task': '任务（未指定类型）',
  'bpmn:ExclusiveGateway': '排他网关',
  'bpmn:ParallelGateway': '并行网关',
  'bpmn:InclusiveGateway': '包容网关',
  'bpmn:IntermediateCatchEvent': '中间事件',
  'bpmn:SubProcess': '子流程',
  'bpmn:SequenceFlow': '连线',
  'bpmn:TextAnnotation': '注释',
};

/** The element types the server engine runs (others are refused when saving). */
const SUPPORTED = new Set(['bpmn:Process', 'bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:SubProcess', 'bpmn:SequenceFlow', 'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Collaboration', 'bpmn:Participant']);

/** A text input that writes to the diagram on blur or Enter (one undo step per edit, not per key). */
function CommitInput({ value, onCommit, placeholder, id, textarea, status }: { value: string; onCommit: (v: string) => void; placeholder?: string; id?: string; textarea?: boolean; status?: 'error' }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  if (textarea)
    return <Input.TextArea id={id} rows={3} value={draft} placeholder={placeholder} status={status} onChange={(e) => setDraft(e.target.value)} onBlur={commit} />;
  return <Input id={id} value={draft} placeholder={placeholder} status={status} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onPressEnter={commit} />;
}

const exprError = (v: string) => (v.trim() ? checkExpression(unwrapExpression(v)) : null);

function Field({ label, help, error, children, htmlFor }: { label: string; help?: ReactNode; error?: string | null; children: ReactNode; htmlFor?: string }) {
  return (
    <Form.Item label={label} htmlFor={htmlFor} help={error ?? help} validateStatus={error ? 'error' : undefined} style={{ marginBottom: 12 }}>
      {children}
    </Form.Item>
  );
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : v !== undefined && v !== null && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : null);

type CompletionPreset = 'none' | 'all' | 'any' | 'ratio' | 'custom';

function presetOf(body: string): { preset: CompletionPreset; ratio: number } {
  if (!body) return { preset: 'none', ratio: 60 };
  if (body === completionConditionOf({ mode: 'all', collection: '' })) return { preset: 'all', ratio: 60 };
  if (body === completionConditionOf({ mode: 'any', collection: '' })) return { preset: 'any', ratio: 60 };
  const m = /^nrOfApproved \/ nrOfInstances >= ([\d.]+)/.exec(body);
  if (m) {
    const ratio = Math.round(Number(m[1]) * 100);
    if (body === completionConditionOf({ mode: 'ratio', ratio, collection: '' })) return { preset: 'ratio', ratio };
  }
  return { preset: 'custom', ratio: 60 };
}

const ISO_DURATION = /^P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/;

/**
 * 属性: the selected element's settings, in Chinese, written straight into the diagram with the
 * `jsga:` attribute names the server reads. Nothing selected → the process itself.
 */
export function PropertiesPanel({ host, element }: { host: DiagramHost; element: DiagramElement | null }) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const modeling = host.get<Modeling>('modeling');
  const moddle = host.get<Moddle>('moddle');
  const canvas = host.get<Canvas>('canvas');
  const el = element ?? canvas.getRootElement();
  const bo = el.businessObject;

  useEffect(() => {
    const bus = host.get<EventBus>('eventBus');
    const onChange = () => rerender();
    bus.on('elements.changed', onChange);
    return () => bus.off('elements.changed', onChange);
  }, [host]);

  const update = (props: Record<string, unknown>) => modeling.updateProperties(el, props);
  const type = bo.$type;

  return (
    <Form layout="vertical" size="small" key={el.id} aria-label="属性">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {typeLabels[type] ?? type}
      </Typography.Title>
      {!SUPPORTED.has(type) && !is(el, 'bpmn:Task') && !timerDefinitionOf(bo) && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="流程引擎不支持此类元素，保存时将被拒绝。" />
      )}
      <Field label="ID">
        <Typography.Text code copyable>
          {bo.id}
        </Typography.Text>
      </Field>
      <Field label={type === 'bpmn:Process' ? '流程名称' : '名称'} htmlFor="prop-name">
        <CommitInput id="prop-name" value={str(bo.name)} onCommit={(v) => update({ name: v.trim() || undefined })} placeholder={type === 'bpmn:Process' ? '如：户口迁移审批' : undefined} />
      </Field>

      {type === 'bpmn:Task' && <PlainTask host={host} element={el} />}
      {type === 'bpmn:UserTask' && <UserTaskProps bo={bo} update={update} element={el} modeling={modeling} moddle={moddle} />}
      {type === 'bpmn:ServiceTask' && (
        <Field label="处理程序" htmlFor="prop-handler" error={str(bo.get('jsga:handler')) ? null : '服务任务须配置已注册的处理程序'}>
          <CommitInput id="prop-handler" value={str(bo.get('jsga:handler'))} onCommit={(v) => update({ 'jsga:handler': v.trim() || undefined })} placeholder="如：case.notifyApplicant" />
        </Field>
      )}
      {type === 'bpmn:SequenceFlow' && <FlowProps element={el} update={update} modeling={modeling} moddle={moddle} />}
      {(type === 'bpmn:ExclusiveGateway' || type === 'bpmn:InclusiveGateway') && <GatewayProps element={el} update={update} />}
      {type === 'bpmn:IntermediateCatchEvent' && timerDefinitionOf(bo) && <TimerProps element={el} update={update} modeling={modeling} moddle={moddle} />}
      {type === 'bpmn:Process' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          在左侧画布中选择节点或连线以设置属性。人工任务需配置办理角色或办理人；排他网关的每条分支需有条件或设为默认分支。
        </Typography.Paragraph>
      )}
    </Form>
  );
}

/** A task from the palette has no type yet: offer the two the engine runs. */
function PlainTask({ host, element }: { host: DiagramHost; element: DiagramElement }) {
  const replace = (type: string) => {
    const bpmnReplace = host.get<{ replaceElement(el: DiagramElement, target: { type: string }): DiagramElement }>('bpmnReplace');
    const next = bpmnReplace.replaceElement(element, { type });
    host.get<Selection>('selection').select(next);
  };
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="请指定任务类型：人工任务由民警办理，服务任务由系统自动执行。" />
      <Space>
        <Button onClick={() => replace('bpmn:UserTask')}>设为人工任务</Button>
        <Button onClick={() => replace('bpmn:ServiceTask')}>设为服务任务</Button>
      </Space>
    </>
  );
}

interface PropsWithUpdate {
  element: DiagramElement;
  update: (props: Record<string, unknown>) => void;
}

function UserTaskProps({ bo, update, element, modeling, moddle }: PropsWithUpdate & { bo: BusinessObject; modeling: Modeling; moddle: Moddle }) {
  const role = str(bo.get('jsga:candidateRole'));
  const assignee = str(bo.get('jsga:assignee'));
  const orgRelation = str(bo.get('jsga:orgRelation')) as OrgRelation | '';
  const mi = bo.loopCharacteristics && bo.loopCharacteristics.$instanceOf('bpmn:MultiInstanceLoopCharacteristics') ? bo.loopCharacteristics : undefined;
  const formAccess = str(bo.get('jsga:formAccess'));
  const [formAccessError, setFormAccessError] = useState<string | null>(null);
  const noHandler = !mi && !role && !assignee;

  const setMi = (on: boolean) => {
    if (!on) return update({ loopCharacteristics: undefined });
    const loop = moddle.create('bpmn:MultiInstanceLoopCharacteristics', { isSequential: false });
    loop.set('jsga:collection', 'reviewers');
    update({ loopCharacteristics: loop });
  };
  const updateMi = (props: Record<string, unknown>) => mi && modeling.updateModdleProperties(element, mi, props);
  const completion = unwrapExpression(mi?.completionCondition?.body);
  const { preset, ratio } = presetOf(completion);
  const setCompletion = (body: string | null) =>
    updateMi({ completionCondition: body ? moddle.create('bpmn:FormalExpression', { body: wrapExpression(body) }) : undefined });
  const collection = str(mi?.get('jsga:collection'));

  return (
    <>
      <Divider orientation="left" plain style={{ margin: '4px 0 12px' }}>
        办理人
      </Divider>
      {noHandler && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="未配置办理人：请选择办理角色，或填写办理人表达式，或启用会签" />}
      <Field label="办理角色" htmlFor="prop-role">
        <RoleSelect id="prop-role" value={role} onChange={(v) => update({ 'jsga:candidateRole': v || undefined })} />
      </Field>
      <Field label="办理单位" htmlFor="prop-org-relation" help="候选人须在该单位持有办理角色">
        <Select
          id="prop-org-relation"
          value={orgRelation}
          onChange={(v: OrgRelation | '') => update({ 'jsga:orgRelation': v || undefined, ...(v !== 'specified' ? { 'jsga:orgId': undefined } : {}) })}
          options={[{ value: '', label: '不限单位' }, ...(Object.keys(orgRelationLabels) as OrgRelation[]).map((k) => ({ value: k, label: orgRelationLabels[k] }))]}
        />
      </Field>
      {orgRelation === 'specified' && (
        <Field label="指定单位" htmlFor="prop-org" error={str(bo.get('jsga:orgId')) ? null : '请选择单位'}>
          <OrgSelect id="prop-org" value={str(bo.get('jsga:orgId'))} onChange={(v) => update({ 'jsga:orgId': v || undefined })} />
        </Field>
      )}
      <Field label="办理人表达式" htmlFor="prop-assignee" help="直接指定办理人（用户 ID），如 applicantOfficerId" error={exprError(assignee)}>
        <CommitInput id="prop-assignee" value={assignee} onCommit={(v) => update({ 'jsga:assignee': v.trim() || undefined })} placeholder="留空则由角色候选人签收" />
      </Field>
      <Field label="办理时限（工作日）" htmlFor="prop-limit">
        <InputNumber
          id="prop-limit"
          min={1}
          max={365}
          precision={0}
          style={{ width: '100%' }}
          value={numOrNull(bo.get('jsga:limitDays'))}
          onChange={(v) => update({ 'jsga:limitDays': typeof v === 'number' ? v : undefined })}
          placeholder="不限"
        />
      </Field>

      <Divider orientation="left" plain style={{ margin: '4px 0 12px' }}>
        会签
      </Divider>
      <Field label="启用会签" htmlFor="prop-mi">
        <Switch id="prop-mi" checked={!!mi} onChange={setMi} />
      </Field>
      {mi && (
        <>
          <Field label="会签方式">
            <Radio.Group value={mi.isSequential ? 'seq' : 'par'} onChange={(e) => updateMi({ isSequential: e.target.value === 'seq' })}>
              <Radio.Button value="par">并行（同时办理）</Radio.Button>
              <Radio.Button value="seq">依次办理</Radio.Button>
            </Radio.Group>
          </Field>
          <Field label="参与人集合" htmlFor="prop-collection" help="流程变量中的参与人列表（用户 ID 数组），如 reviewers" error={collection ? exprError(collection) : '请填写参与人集合'}>
            <CommitInput id="prop-collection" value={collection} onCommit={(v) => updateMi({ 'jsga:collection': unwrapExpression(v) || undefined })} />
          </Field>
          <Field label="完成条件">
            <Select<CompletionPreset>
              value={preset}
              onChange={(p) => {
                if (p === 'none') setCompletion(null);
                else if (p === 'custom') setCompletion(completion || 'nrOfCompletedInstances >= nrOfInstances');
                else setCompletion(completionConditionOf({ mode: p, ratio, collection: '' }));
              }}
              options={[
                { value: 'none', label: '全部参与人办理完成' },
                { value: 'all', label: '全部通过（有人不通过即结束）' },
                { value: 'any', label: '任一通过即结束' },
                { value: 'ratio', label: '按比例通过' },
                { value: 'custom', label: '自定义表达式' },
              ]}
            />
          </Field>
          {preset === 'ratio' && (
            <Field label="通过比例" htmlFor="prop-ratio">
              <InputNumber
                id="prop-ratio"
                min={1}
                max={100}
                precision={0}
                suffix="%"
                value={ratio}
                onChange={(v) => typeof v === 'number' && setCompletion(completionConditionOf({ mode: 'ratio', ratio: v, collection: '' }))}
              />
            </Field>
          )}
          {preset === 'custom' && (
            <Field label="完成条件表达式" htmlFor="prop-completion" help="可用 nrOfInstances、nrOfCompletedInstances、nrOfApproved、nrOfRejected" error={exprError(completion)}>
              <CommitInput id="prop-completion" value={completion} onCommit={(v) => setCompletion(unwrapExpression(v) || null)} />
            </Field>
          )}
        </>
      )}

      <Divider orientation="left" plain style={{ margin: '4px 0 12px' }}>
        表单
      </Divider>
      <Field label="表单字段权限（JSON）" htmlFor="prop-form-access" help='如 {"name":"readonly","remark":"edit"}，值为 edit / readonly / hidden' error={formAccessError}>
        <CommitInput
          id="prop-form-access"
          textarea
          value={formAccess}
          onCommit={(v) => {
            const text = v.trim();
            if (!text) {
              setFormAccessError(null);
              return update({ 'jsga:formAccess': undefined });
            }
            try {
              const parsed: unknown = JSON.parse(text);
              const ok = !!parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((x) => x === 'edit' || x === 'readonly' || x === 'hidden');
              if (!ok) throw new Error();
              setFormAccessError(null);
              update({ 'jsga:formAccess': JSON.stringify(parsed) });
            } catch {
              setFormAccessError('须为 JSON 对象，值为 edit、readonly 或 hidden');
            }
          }}
        />
      </Field>
    </>
  );
}

function FlowProps({ element, update, modeling, moddle }: PropsWithUpdate & { modeling: Modeling; moddle: Moddle }) {
  const bo = element.businessObject;
  const source = element.source;
  const fromGateway = !!source && (is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway'));
  const isDefault = fromGateway && source!.businessObject.default === bo;
  const condition = unwrapExpression(bo.conditionExpression?.body);
  const siblings = source?.outgoing?.filter((f) => is(f, 'bpmn:SequenceFlow')).length ?? 0;
  const needsCondition = fromGateway && is(source, 'bpmn:ExclusiveGateway') && siblings > 1 && !isDefault && !condition;

  const setCondition = (v: string) => {
    const text = unwrapExpression(v);
    update({ conditionExpression: text ? moddle.create('bpmn:FormalExpression', { body: wrapExpression(text) }) : undefined });
  };
  return (
    <>
      {fromGateway && (
        <Field label="默认分支" htmlFor="prop-default" help="其他分支条件都不满足时走默认分支">
          <Switch
            id="prop-default"
            checked={isDefault}
            onChange={(on) => {
              if (on && condition) update({ conditionExpression: undefined });
              modeling.updateProperties(source!, { default: on ? bo : undefined });
            }}
          />
        </Field>
      )}
      {!isDefault && (
        <Field
          label="条件表达式"
          htmlFor="prop-condition"
          help="如：金额 > 100、lastOutcome == 'reject'；留空表示无条件"
          error={exprError(condition) ?? (needsCondition ? '排他网关的分支须有条件或设为默认分支' : null)}
        >
          <CommitInput id="prop-condition" value={condition} onCommit={setCondition} placeholder="金额 > 100" />
        </Field>
      )}
    </>
  );
}

function GatewayProps({ element, update }: PropsWithUpdate) {
  const bo = element.businessObject;
  const outgoing = (element.outgoing ?? []).filter((f) => is(f, 'bpmn:SequenceFlow'));
  if (outgoing.length < 2) return null;
  const label = (f: DiagramElement) => f.businessObject.name || `→ ${f.target?.businessObject.name || f.target?.id || f.id}`;
  return (
    <Field label="默认分支" htmlFor="prop-gw-default">
      <Select
        id="prop-gw-default"
        allowClear
        placeholder="无"
        value={bo.default?.id}
        onChange={(id?: string) => update({ default: outgoing.find((f) => f.id === id)?.businessObject })}
        options={outgoing.map((f) => ({ value: f.id, label: label(f) }))}
      />
    </Field>
  );
}

function TimerProps({ element, update, modeling, moddle }: PropsWithUpdate & { modeling: Modeling; moddle: Moddle }) {
  const bo = element.businessObject;
  const def = timerDefinitionOf(bo)!;
  const workingDays = numOrNull(bo.get('jsga:workingDays'));
  const duration = str(def.timeDuration?.body).trim();
  const [mode, setMode] = useState<'days' | 'duration'>(workingDays !== null || !duration ? 'days' : 'duration');
  const setDuration = (v: string | null) =>
    modeling.updateModdleProperties(element, def, { timeDuration: v ? moddle.create('bpmn:FormalExpression', { body: v }) : undefined });
  const durationError = duration && !ISO_DURATION.test(duration) ? '格式如 PT2H（2小时）、P3D（3天）、P1DT12H' : null;
  return (
    <>
      <Field label="定时方式">
        <Radio.Group
          value={mode}
          onChange={(e) => {
            setMode(e.target.value);
            if (e.target.value === 'duration') update({ 'jsga:workingDays': undefined });
            else setDuration(null);
          }}
        >
          <Radio.Button value="days">按工作日</Radio.Button>
          <Radio.Button value="duration">按时长</Radio.Button>
        </Radio.Group>
      </Field>
      {mode === 'days' ? (
        <Field label="等待工作日数" htmlFor="prop-working-days" help="按工作日历计算，跳过节假日">
          <InputNumber id="prop-working-days" min={0} max={365} precision={0} value={workingDays} onChange={(v) => update({ 'jsga:workingDays': typeof v === 'number' ? v : undefined })} />
        </Field>
      ) : (
        <Field label="时长（ISO 8601）" htmlFor="prop-duration" error={durationError} help="如 PT2H、P3D、P1DT12H">
          <CommitInput id="prop-duration" value={duration} onCommit={(v) => setDuration(v.trim().toUpperCase() || null)} placeholder="P3D" />
        </Field>
      )}
    </>
  );
}
