import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddSignBody,
  CalendarDay,
  CcTaskBody,
  CompleteTaskBody,
  DeployWorkflowBody,
  MigrateInstanceBody,
  MigrateInstanceResult,
  OrgView,
  OverdueTaskView,
  RemindTaskBody,
  RemoveSignBody,
  ResolveTaskBody,
  ReturnTaskBody,
  RoleView,
  TaskActionResult,
  TaskUserBody,
  ColleagueView,
  WorkflowCcView,
  WorkflowDoneOutcome,
  WorkflowDoneTaskQuery,
  WorkflowDoneTaskView,
  WorkflowDefinitionDetail,
  WorkflowDefinitionListQuery,
  WorkflowDefinitionView,
  WorkflowInstanceDetail,
  WorkflowInstanceListQuery,
  WorkflowInstanceStatus,
  WorkflowInstanceSummary,
  WorkflowOpinionView,
  WorkflowReturnTarget,
  WorkflowSignTask,
  WorkflowTaskAction,
  WorkflowTaskDetail,
  WorkflowTaskStatus,
  WorkflowTaskView,
} from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { api } from '../../app/request';
import type { Page } from '../../app/table';

// ---------------------------------------------------------------- types (contracts; short local names)

export type TaskStatus = WorkflowTaskStatus;
export type TaskView = WorkflowTaskView;
export type TaskAction = WorkflowTaskAction;
export type ReturnTarget = WorkflowReturnTarget;
export type OpinionView = WorkflowOpinionView;
export type SignTask = WorkflowSignTask;
export type TaskDetail = WorkflowTaskDetail;
export type CcView = WorkflowCcView;
export type DoneTask = WorkflowDoneTaskView;
export type DoneOutcome = WorkflowDoneOutcome;
export type DoneTaskQuery = Partial<WorkflowDoneTaskQuery>;
export type InstanceStatus = WorkflowInstanceStatus;
export type InstanceSummary = WorkflowInstanceSummary;
export type InstanceDetail = WorkflowInstanceDetail;
export type OverdueTask = OverdueTaskView;
export type InstanceQuery = Partial<WorkflowInstanceListQuery>;
export type MigrateBody = MigrateInstanceBody;

/** Request body of each task operation (endpoint name → body). */
export type TaskActionBodies = {
  complete: CompleteTaskBody;
  return: ReturnTaskBody;
  transfer: TaskUserBody;
  delegate: TaskUserBody;
  resolve: ResolveTaskBody;
  'add-sign': AddSignBody;
  'remove-sign': RemoveSignBody;
  withdraw: Record<string, never>;
  remind: RemindTaskBody;
  cc: CcTaskBody;
};
export type PostedAction = keyof TaskActionBodies;

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

// ---------------------------------------------------------------- fetchers

const ADMIN = '/api/admin/workflow';
const TASKS = '/api/workflow';
/** Calls from dialogs and forms: they show the server's message themselves. */
const SILENT = { silent: true } as const;

export const workflowApi = {
  listDefinitions: (q: Partial<WorkflowDefinitionListQuery>) => api.get<Page<WorkflowDefinitionView>>(`${ADMIN}/definitions`, q),
  getDefinition: (id: string) => api.get<WorkflowDefinitionDetail>(`${ADMIN}/definitions/${id}`),
  deploy: (body: DeployWorkflowBody) => api.post<WorkflowDefinitionView>(`${ADMIN}/definitions`, body, SILENT),
  publish: (id: string) => api.post<WorkflowDefinitionView>(`${ADMIN}/definitions/${id}/publish`),
  getCalendar: (year: number) => api.get<CalendarYear>(`${ADMIN}/calendar`, { year }),
  saveCalendar: (body: CalendarYear) => api.put<CalendarYear>(`${ADMIN}/calendar`, body, SILENT),

  myTasks: (q: { page: number; pageSize: number }) => api.get<Page<TaskView>>(`${TASKS}/tasks`, q),
  claim: (id: string) => api.post<TaskView>(`${TASKS}/tasks/${id}/claim`),
  doneTasks: (q: DoneTaskQuery) => api.get<Page<DoneTask>>(`${TASKS}/tasks/done`, q),
  getTask: (id: string) => api.get<TaskDetail>(`${TASKS}/tasks/${id}`),
  act: <A extends PostedAction>(id: string, action: A, body: TaskActionBodies[A]) => api.post<TaskActionResult>(`${TASKS}/tasks/${id}/${action}`, body, SILENT),
  ccToMe: (q: { page: number; pageSize: number }) => api.get<Page<CcView>>(`${TASKS}/cc`, q),

  listInstances: (q: InstanceQuery) => api.get<Page<InstanceSummary>>(`${ADMIN}/instances`, q),
  getInstance: (id: string) => api.get<InstanceDetail>(`${ADMIN}/instances/${id}`),
  overdueTasks: (q: { page: number; pageSize: number }) => api.get<Page<OverdueTask>>(`${ADMIN}/tasks/overdue`, q),
  migrate: (id: string, body: MigrateBody) => api.post<MigrateInstanceResult>(`${ADMIN}/instances/${id}/migrate`, body, SILENT),
  suspend: (id: string, reason: string) => api.post<{ ok: true }>(`${ADMIN}/instances/${id}/suspend`, { reason }, SILENT),
  resume: (id: string) => api.post<{ ok: true }>(`${ADMIN}/instances/${id}/resume`, {}),

  searchUsers: (keyword: string) => api.get<{ items: ColleagueView[] }>('/api/identity/colleagues', { keyword }, SILENT),
  listRoles: () => api.get<Page<RoleView>>('/api/admin/identity/roles', { page: 1, pageSize: 200 }, SILENT),
  searchOrgs: (keyword: string) => api.get<Page<OrgView>>('/api/admin/identity/orgs', { keyword, page: 1, pageSize: 20 }, SILENT),
};

// ---------------------------------------------------------------- query keys and hooks

export const workflowKeys = {
  all: ['workflow'] as const,
  definitions: ['workflow', 'definitions'] as const,
  definitionList: (q: object) => ['workflow', 'definitions', 'list', q] as const,
  definition: (id: string) => ['workflow', 'definitions', 'detail', id] as const,
  calendar: (year: number) => ['workflow', 'calendar', year] as const,
  tasks: ['workflow', 'tasks'] as const,
  task: (id: string) => ['workflow', 'tasks', 'detail', id] as const,
  /** 已办: under `tasks`, so every task operation refreshes it too. */
  done: ['workflow', 'tasks', 'done'] as const,
  cc: ['workflow', 'cc'] as const,
  instances: ['workflow', 'instances'] as const,
  instance: (id: string) => ['workflow', 'instances', 'detail', id] as const,
  overdue: ['workflow', 'overdue'] as const,
  roles: ['workflow', 'roles'] as const,
};

export function useDefinition(id: string | undefined) {
  return useQuery({ queryKey: workflowKeys.definition(id ?? ''), queryFn: () => workflowApi.getDefinition(id ?? ''), enabled: !!id });
}

/** Every version of one key (the server sorts by key, newest version first). */
export function useKeyVersions(key: string | undefined) {
  const q = { keyword: key, page: 1, pageSize: 200 };
  return useQuery({
    queryKey: workflowKeys.definitionList(q),
    queryFn: async () => (await workflowApi.listDefinitions(q)).items.filter((d) => d.key === key),
    enabled: !!key,
  });
}

/** Role options for the designers and role names for the inbox: only asked when the position may list roles. */
export function useRoles() {
  const { can } = useAccess();
  const allowed = can('identity:role:view');
  const query = useQuery({ queryKey: workflowKeys.roles, queryFn: workflowApi.listRoles, staleTime: 5 * 60_000, enabled: allowed });
  return { ...query, allowed };
}

export function useDeploy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: workflowApi.deploy,
    onSuccess: () => qc.invalidateQueries({ queryKey: workflowKeys.definitions }),
  });
}

export function usePublish() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: workflowApi.publish,
    onSuccess: () => qc.invalidateQueries({ queryKey: workflowKeys.definitions }),
  });
}

export function useCalendar(year: number) {
  return useQuery({ queryKey: workflowKeys.calendar(year), queryFn: () => workflowApi.getCalendar(year) });
}

export function useSaveCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: workflowApi.saveCalendar,
    onSuccess: (saved) => qc.setQueryData(workflowKeys.calendar(saved.year), saved),
  });
}

export function useTask(id: string | null) {
  return useQuery({ queryKey: workflowKeys.task(id ?? ''), queryFn: () => workflowApi.getTask(id ?? ''), enabled: !!id, staleTime: 0 });
}

/** After any task operation the inbox, the task and the monitor lists are stale. */
function useInvalidateTasks() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: workflowKeys.tasks }),
      qc.invalidateQueries({ queryKey: workflowKeys.instances }),
      qc.invalidateQueries({ queryKey: workflowKeys.overdue }),
    ]);
}

export function useClaim() {
  const done = useInvalidateTasks();
  return useMutation({ mutationFn: workflowApi.claim, onSuccess: done });
}

export function useTaskAction() {
  const done = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: PostedAction; body: TaskActionBodies[PostedAction] }) =>
      workflowApi.act(id, action, body as never),
    onSuccess: done,
  });
}

export function useInstance(id: string | undefined) {
  return useQuery({ queryKey: workflowKeys.instance(id ?? ''), queryFn: () => workflowApi.getInstance(id ?? ''), enabled: !!id });
}

export function useInstanceAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: string } & ({ kind: 'suspend'; reason: string } | { kind: 'resume' } | { kind: 'migrate'; body: MigrateBody })): Promise<unknown> =>
      a.kind === 'suspend' ? workflowApi.suspend(a.id, a.reason) : a.kind === 'resume' ? workflowApi.resume(a.id) : workflowApi.migrate(a.id, a.body),
    onSuccess: (_r, a) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: workflowKeys.instance(a.id) }),
        qc.invalidateQueries({ queryKey: workflowKeys.instances }),
        qc.invalidateQueries({ queryKey: workflowKeys.tasks }),
      ]),
  });
}
