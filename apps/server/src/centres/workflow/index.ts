import { defineModule } from '@jsga/kernel';
import { taskRoutes } from './instance/task.routes';
import { workflowAdminRoutes } from './definition/workflow.admin.routes';
import { createWorkflowAdminService } from './definition/workflow-admin.service';
import { createWorkflowService, type ServiceHandler, type WorkflowService } from './instance/workflow.service';

export type { ServiceHandler };
/** What other modules may use of the workflow centre: every call takes the caller's transaction. */
export type WorkflowApi = Pick<WorkflowService, 'deploy' | 'publish' | 'start' | 'complete' | 'returnTo' | 'openTasks' | 'history' | 'runDueJobs' | 'setCalendarDays'>;

export const workflowModule = defineModule<WorkflowApi>({
  code: 'workflow',
  dependsOn: [],
  setup: ({ db, audit }) => {
    const workflow = createWorkflowService({ db, audit });
    return {
      api: workflow,
      routes: [
        { prefix: '/api/admin/workflow', plugin: workflowAdminRoutes(createWorkflowAdminService({ db, audit, workflow })) },
        { prefix: '/api/workflow', plugin: taskRoutes(workflow) },
      ],
      jobs: [{ name: 'workflow.timers', everyMs: 15_000, run: () => workflow.runDueJobs() }],
    };
  },
});
