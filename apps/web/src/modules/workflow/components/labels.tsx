import type { ReactNode } from 'react';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { WorkflowDefinitionView } from '@jsga/contracts';
import type { InstanceStatus, TaskView } from '../api';

export type DefinitionStatus = WorkflowDefinitionView['status'];

export const definitionStatusLabels: Record<DefinitionStatus, string> = { draft: '草稿', published: '已发布', retired: '已停用' };
const definitionStatusColors: Record<DefinitionStatus, string> = { draft: 'default', published: 'success', retired: 'warning' };

export function DefinitionStatusTag({ status }: { status: DefinitionStatus }) {
  return (
    <Tag color={definitionStatusColors[status]} style={{ marginInlineEnd: 0 }}>
      {definitionStatusLabels[status] ?? status}
    </Tag>
  );
}

export const instanceStatusLabels: Record<InstanceStatus, string> = { running: '运行中', completed: '已办结', terminated: '已终止' };
const instanceStatusColors: Record<InstanceStatus, string> = { running: 'processing', completed: 'success', terminated: 'default' };

export function InstanceStatusTag({ status, suspended }: { status: InstanceStatus; suspended?: boolean }) {
  if (suspended && status === 'running') return <Tag color="warning">已挂起</Tag>;
  return <Tag color={instanceStatusColors[status]}>{instanceStatusLabels[status] ?? status}</Tag>;
}

/** Labels of the operations recorded in the opinion history. */
export const opinionActionLabels: Record<string, string> = {
  start: '发起',
  approve: '通过',
  reject: '不通过',
  return: '退回',
  transfer: '转办',
  delegate: '委派',
  resolve: '办理交回',
  'add-sign': '加签',
  'remove-sign': '减签',
  add_sign: '加签',
  remove_sign: '减签',
  terminate: '终止',
  withdraw: '撤回',
  remind: '催办',
  cc: '抄送',
  claim: '签收',
  suspend: '挂起',
  resume: '恢复',
  migrate: '迁移版本',
  timeout: '超时',
};

export const opinionActionColors: Record<string, string> = {
  start: 'blue',
  approve: 'green',
  reject: 'red',
  return: 'orange',
  withdraw: 'orange',
  suspend: 'gray',
  terminate: 'gray',
};

/** Days from today (China time on the officer's machine) to a YYYY-MM-DD due date; negative when overdue. */
export function daysUntil(dueDate: string, today = dayjs()): number {
  return dayjs(dueDate).startOf('day').diff(today.startOf('day'), 'day');
}

/** 已超期 / 今日到期 / 明日到期 / the date. */
export function DueTag({ dueDate, today }: { dueDate: string | null | undefined; today?: dayjs.Dayjs }) {
  if (!dueDate) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>不限</span>;
  const d = daysUntil(dueDate, today);
  if (d < 0)
    return (
      <span>
        {dueDate} <Tag color="error">已超期 {-d} 天</Tag>
      </span>
    );
  if (d === 0)
    return (
      <span>
        {dueDate} <Tag color="warning">今日到期</Tag>
      </span>
    );
  if (d === 1)
    return (
      <span>
        {dueDate} <Tag color="gold">明日到期</Tag>
      </span>
    );
  return <span>{dueDate}</span>;
}

/** Who holds a task, from the viewer's side: 待签收, 已签收, 委派, 加签 and waiting states. */
export function TaskHolderTags({ task, meId, roleName, selfLabel = '已签收' }: { task: TaskView; meId: string | undefined; roleName: (code: string | null) => string; selfLabel?: string }) {
  const tags: ReactNode[] = [];
  if (!task.assigneeId) tags.push(<Tag key="h" color="orange">待签收 · {roleName(task.candidateRole)}</Tag>);
  else if (task.assigneeId === meId) {
    if (task.ownerId && task.ownerId !== meId) tags.push(<Tag key="h" color="purple">委派自 {task.ownerName ?? '他人'}</Tag>);
    else tags.push(<Tag key="h" color="blue">{selfLabel}</Tag>);
  } else if (task.ownerId && task.ownerId === meId) tags.push(<Tag key="h" color="purple">已委派给 {task.assigneeName ?? '他人'}</Tag>);
  else tags.push(<Tag key="h">{task.assigneeName ?? '他人办理'}</Tag>);
  if (task.signKind) tags.push(<Tag key="s" color="cyan">{task.signKind === 'before' ? '前加签' : '后加签'}</Tag>);
  if (task.blocked) tags.push(<Tag key="b" color="gold">等待加签人办理</Tag>);
  return <>{tags}</>;
}
