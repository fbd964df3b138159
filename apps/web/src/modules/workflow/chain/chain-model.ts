import { checkExpression } from '@jsga/form-engine';

/**
 * 审批链: the simple, ordered form of a process for ordinary users (受理 → 审核 → 审批 …). It is turned
 * into the same BPMN 2.0 XML the modeller edits (see chain-to-bpmn.ts), using the server parser's
 * `jsga:` extension attributes.
 */

/** Whose org the candidates belong to: the case's accepting org, its parent, or a fixed org (jsga:orgRelation). */
export type OrgRelation = 'accepting' | 'parent' | 'specified';

export const orgRelationLabels: Record<OrgRelation, string> = {
  accepting: '受理单位',
  parent: '上级单位',
  specified: '指定单位',
};

/** 会签: all must approve / one approval suffices / a share must approve / one after the other (依次). */
export type CountersignMode = 'all' | 'any' | 'ratio' | 'sequential';

export const countersignModeLabels: Record<CountersignMode, string> = {
  all: '全部通过',
  any: '任一通过',
  ratio: '按比例通过',
  sequential: '依次审批',
};

export interface Countersign {
  mode: CountersignMode;
  /** Percentage of participants that must approve, for mode `ratio` (1–100). */
  ratio?: number;
  /** Expression giving the participants (user ids), e.g. a process variable `reviewers`. */
  collection: string;
}

export interface ChainStep {
  /** BPMN id of the step's user task; stable across edits so running instances keep their node ids. */
  id: string;
  name: string;
  /** Role code of the candidates (jsga:candidateRole). */
  role: string;
  orgRelation: OrgRelation;
  /** Fixed org for orgRelation `specified` (jsga:orgId). */
  orgId?: string | null;
  /** Time limit in working days (jsga:limitDays). */
  limitDays?: number | null;
  countersign?: Countersign | null;
  /** Only when this expression holds (e.g. `金额 > 100`); otherwise the step is skipped. */
  condition?: string | null;
}

export interface ApprovalChain {
  /** BPMN process id. */
  processId: string;
  /** Process name (the definition's name). */
  name: string;
  steps: ChainStep[];
  /** 不通过 at any step ends the process (at a 不予通过 end event); otherwise the chain goes on. */
  rejectEnds: boolean;
}

export const DEFAULT_COLLECTION = 'reviewers';

/** A BPMN id (XML NCName) usable as an expression variable prefix too. */
const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A fresh step id not used by `steps`. */
export function nextStepId(steps: readonly Pick<ChainStep, 'id'>[]): string {
  const used = new Set(steps.map((s) => s.id));
  for (let i = steps.length + 1; ; i++) {
    const id = `step_${i}`;
    if (!used.has(id)) return id;
  }
}

export function newStep(steps: readonly ChainStep[], init: Partial<ChainStep> = {}): ChainStep {
  return { id: nextStepId(steps), name: '', role: '', orgRelation: 'accepting', limitDays: null, countersign: null, condition: null, ...init };
}

/** The chain a new 审批链 starts with: 受理 → 审核 → 审批. */
export function defaultChain(processId = 'approval', name = '审批流程'): ApprovalChain {
  const steps: ChainStep[] = [];
  for (const [name, role, limitDays] of [['受理', 'window_officer', 1], ['审核', 'approver', 3], ['审批', 'approver', 2]] as const) {
    steps.push(newStep(steps, { name, role, limitDays }));
  }
  return { processId, name, steps, rejectEnds: true };
}

/** `${ expr }` (as modellers write it) → `expr`. */
export const stripJuel = (s: string): string => {
  const m = /^\s*\$\{([\s\S]*)\}\s*$/.exec(s);
  return (m ? m[1] : s).trim();
};

/** Problems that keep the chain from becoming a valid process, in Chinese, one per line. */
export function validateChain(chain: ApprovalChain): string[] {
  const out: string[] = [];
  if (!chain.name.trim()) out.push('请填写流程名称');
  if (!ID_PATTERN.test(chain.processId)) out.push('流程 ID 须为字母或下划线开头的字母、数字、下划线');
  if (chain.steps.length === 0) out.push('至少需要一个审批步骤');
  const ids = new Set<string>();
  chain.steps.forEach((s, i) => {
    const label = `第 ${i + 1} 步${s.name.trim() ? `“${s.name.trim()}”` : ''}`;
    if (!ID_PATTERN.test(s.id)) out.push(`${label}的节点 ID 不合法`);
    if (ids.has(s.id)) out.push(`${label}的节点 ID 与其他步骤重复`);
    ids.add(s.id);
    if (!s.name.trim()) out.push(`${label}未填写名称`);
    if (!s.role) out.push(`${label}未选择办理角色`);
    if (s.orgRelation === 'specified' && !s.orgId) out.push(`${label}选择了指定单位，但未选择单位`);
    if (s.limitDays !== null && s.limitDays !== undefined && (!Number.isInteger(s.limitDays) || s.limitDays < 1 || s.limitDays > 365)) {
      out.push(`${label}的办理时限应为 1–365 个工作日`);
    }
    if (s.condition?.trim()) {
      const err = checkExpression(stripJuel(s.condition));
      if (err) out.push(`${label}的条件有误：${err}`);
    }
    if (s.countersign) {
      const cs = s.countersign;
      if (!cs.collection.trim()) out.push(`${label}的会签未填写参与人`);
      else {
        const err = checkExpression(stripJuel(cs.collection));
        if (err) out.push(`${label}的会签参与人表达式有误：${err}`);
      }
      if (cs.mode === 'ratio' && (!cs.ratio || !Number.isInteger(cs.ratio) || cs.ratio < 1 || cs.ratio > 100)) {
        out.push(`${label}的通过比例应为 1–100 的整数`);
      }
    }
  });
  return out;
}
