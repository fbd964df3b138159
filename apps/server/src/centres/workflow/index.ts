import { defineModule } from '@jsga/kernel';
import type { IdentityApi } from '../identity';
import type { MessageApi } from '../message';
import { workflowAdminRoutes } from './definition/workflow.admin.routes';
import { createWorkflowAdminService } from './definition/workflow-admin.service';
import { createTaskDesk } from './instance/task-desk.service';
import { taskRoutes } from './instance/task.routes';
import { createWorkflowService, type ServiceHandler, type WorkflowService } from './instance/workflow.service';
import { monitorRoutes } from './monitor/monitor.routes';
import { createMonitorService } from './monitor/monitor.service';
import { seedFeaturedProcesses } from './seed/workflow.reference';

export type { ServiceHandler };
export type { BusinessCalendar, SlaInput, SlaStatus } from './calendar/business-calendar.rules';
export { evaluateSla } from './calendar/business-calendar.rules';

/** What other modules may use of the workflow centre: every call that changes something takes the caller's transaction. */
export type WorkflowApi = Pick<WorkflowService,
  | 'deploy' | 'publish' | 'start' | 'complete' | 'returnTo' | 'terminate' | 'suspend' | 'resume' | 'migrate'
  | 'transfer' | 'delegate' | 'resolve' | 'addSign' | 'removeSign' | 'withdraw' | 'remind' | 'cc'
  | 'openTasks' | 'history' | 'calendar' | 'evaluateSla' | 'runDueJobs' | 'runSla' | 'setCalendarDays'>;

export const workflowModule = defineModule<WorkflowApi>({
  code: 'workflow',
  dependsOn: ['message', 'identity'],
  setup: ({ db, audit, config, deps }) => {
    const message = deps.message as MessageApi;
    const identity = deps.identity as IdentityApi;
    const findUsers = (q: Parameters<IdentityApi['findUsers']>[0], ids: string[]) => identity.findUsers(q, ids);
    const workflow = createWorkflowService({
      db, audit, findUsers, warnDays: config.SLA_WARN_DAYS,
      sendMessage: (q, m) => message.send(q, m),
      resolveCandidates: (q, role, orgId) => identity.usersWithRole(q, role, orgId),
    });
    return {
      api: workflow,
      routes: [
        { prefix: '/api/admin/workflow', plugin: workflowAdminRoutes(createWorkflowAdminService({ db, audit, workflow })) },
        { prefix: '/api/admin/workflow', plugin: monitorRoutes(createMonitorService({ db, workflow, findUsers, warnDays: config.SLA_WARN_DAYS })) },
        { prefix: '/api/workflow', plugin: taskRoutes(createTaskDesk({ db, workflow, findUsers })) },
      ],
      jobs: [
        { name: 'workflow.timers', everyMs: 15_000, run: () => workflow.runDueJobs() },
        { name: 'workflow.sla', everyMs: 5 * 60_000, run: () => workflow.runSla() },
      ],
      seedReference: () => seedFeaturedProcesses(db),
    };
  },
});
