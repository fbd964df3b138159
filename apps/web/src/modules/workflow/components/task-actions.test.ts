import { describe, expect, it } from 'vitest';
import { defaultMapping, mappingBody } from './MigrateModal';
import { requestOf, uiActionsOf } from './task-actions';
import { groupByKey } from '../WorkflowListPage';
import { instanceMarkers } from '../InstanceMonitorPage';

describe('task operations', () => {
  it('maps the server\'s allowedActions to buttons in a fixed order (complete → 通过 and 不通过)', () => {
    expect(uiActionsOf(['cc', 'return', 'complete', 'claim'])).toEqual(['approve', 'reject', 'return', 'cc']);
    expect(uiActionsOf(['withdraw', 'remind'])).toEqual(['withdraw', 'remind']);
    expect(uiActionsOf([])).toEqual([]);
  });

  it('builds the agreed request bodies', () => {
    expect(requestOf('approve', { opinion: '  ' })).toEqual({ action: 'complete', body: { outcome: 'approve' } });
    expect(requestOf('approve', { opinion: '同意' })).toEqual({ action: 'complete', body: { outcome: 'approve', opinion: '同意' } });
    expect(requestOf('reject', { opinion: ' 材料不全 ' })).toEqual({ action: 'complete', body: { outcome: 'reject', opinion: '材料不全' } });
    expect(requestOf('return', { targetNodeId: 'step_1', opinion: '补正' })).toEqual({ action: 'return', body: { targetNodeId: 'step_1', opinion: '补正' } });
    expect(requestOf('delegate', { userId: 'u1' })).toEqual({ action: 'delegate', body: { userId: 'u1' } });
    expect(requestOf('add-sign', { userIds: ['u1', 'u2'], position: 'before' })).toEqual({ action: 'add-sign', body: { userIds: ['u1', 'u2'], position: 'before' } });
    expect(requestOf('remove-sign', { taskIds: ['t1'] })).toEqual({ action: 'remove-sign', body: { taskIds: ['t1'] } });
    expect(requestOf('withdraw', {})).toEqual({ action: 'withdraw', body: {} });
    expect(requestOf('remind', { message: '请尽快办理' })).toEqual({ action: 'remind', body: { message: '请尽快办理' } });
    expect(requestOf('cc', { userIds: ['u3'], opinion: '知悉' })).toEqual({ action: 'cc', body: { userIds: ['u3'], opinion: '知悉' } });
    expect(requestOf('resolve', { opinion: '已核实' })).toEqual({ action: 'resolve', body: { opinion: '已核实' } });
  });
});

describe('instance migration mapping', () => {
  it('keeps nodes that exist in the target version and sends only the changed ones', () => {
    const target = [{ id: 'step_1', name: '受理', type: 'userTask' }, { id: 'review', name: '审核', type: 'userTask' }];
    const m = defaultMapping(['step_1', 'step_2'], target);
    expect(m).toEqual({ step_1: 'step_1', step_2: undefined });
    expect(mappingBody(m)).toBeUndefined();
    expect(mappingBody({ ...m, step_2: 'review' })).toEqual({ step_2: 'review' });
  });
});

describe('definition list', () => {
  it('groups versions by key, newest first, with the newest published version', () => {
    const v = (key: string, version: number, status: 'draft' | 'published' | 'retired') => ({
      id: `${key}-${version}`, key, version, name: `${key} 流程 v${version}`, status, createdAt: '2026-01-01T00:00:00Z', publishedAt: null,
    });
    const groups = groupByKey([v('a', 3, 'draft'), v('a', 2, 'published'), v('a', 1, 'published'), v('b', 1, 'draft')]);
    expect(groups.map((g) => [g.key, g.latest.version, g.published?.version ?? null, g.versions.length, g.name])).toEqual([
      ['a', 3, 2, 3, 'a 流程 v3'],
      ['b', 1, null, 1, 'b 流程 v1'],
    ]);
  });
});

describe('instance diagram markers', () => {
  it('marks where the instance is (red when overdue) and where it has been', () => {
    const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
    const t = (nodeId: string, dueDate: string | null) => ({ nodeId, status: 'open', dueDate }) as Parameters<typeof instanceMarkers>[0]['tasks'][number];
    const m = instanceMarkers({ activeNodeIds: ['reviewA', 'reviewB'], completedNodeIds: ['start', 'accept', 'reviewA'], tasks: [t('reviewA', null), t('reviewB', yesterday)] });
    expect(m).toEqual({ 'wf-active': ['reviewA'], 'wf-overdue': ['reviewB'], 'wf-completed': ['start', 'accept'] });
  });
});
