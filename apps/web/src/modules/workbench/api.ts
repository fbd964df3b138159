import { useQuery } from '@tanstack/react-query';
import type { EvaluationView, PreReviewQueue, WorkflowTaskView } from '@jsga/contracts';
import { api } from '../../app/request';
import type { Page } from '../../app/table';

/** 我的主页 reads the same lists the pages do, asking only for totals (pageSize=1) where a count is all it shows. */
const SILENT = { silent: true } as const;

export const deskApi = {
  queueCount: (queue: PreReviewQueue) => api.get<Page<unknown>>('/api/admin/case/cases', { queue, pageSize: 1 }, SILENT).then((p) => p.total),
  overdueCount: () => api.get<Page<unknown>>('/api/admin/case/cases', { overdue: 'true', pageSize: 1 }, SILENT).then((p) => p.total),
  myTasks: () => api.get<Page<WorkflowTaskView>>('/api/workflow/tasks', { pageSize: 50 }, SILENT),
  unread: () => api.get<{ count: number }>('/api/messages/unread-count', undefined, SILENT).then((r) => r.count),
  evaluations: () => api.get<Page<EvaluationView>>('/api/admin/evaluation/evaluations', { pageSize: 5 }, SILENT),
};

const fresh = { staleTime: 30_000, retry: false } as const;
export const useQueueCount = (queue: PreReviewQueue, enabled: boolean) => useQuery({ queryKey: ['desk', 'queue', queue], queryFn: () => deskApi.queueCount(queue), enabled, ...fresh });
export const useOverdueCount = (enabled: boolean) => useQuery({ queryKey: ['desk', 'overdue'], queryFn: deskApi.overdueCount, enabled, ...fresh });
export const useMyTasks = (enabled: boolean) => useQuery({ queryKey: ['desk', 'tasks'], queryFn: deskApi.myTasks, enabled, ...fresh });
export const useUnread = () => useQuery({ queryKey: ['desk', 'unread'], queryFn: deskApi.unread, ...fresh });
export const useRecentEvaluations = (enabled: boolean) => useQuery({ queryKey: ['desk', 'evaluations'], queryFn: deskApi.evaluations, enabled, ...fresh });
