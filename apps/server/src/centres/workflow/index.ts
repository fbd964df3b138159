import { defineModule } from '@jsga/kernel';
import { createWorkflowService, type ServiceHandler, type WorkflowService } from './instance/workflow.service';

export type { ServiceHandler };
/** What other modules may use of the workflow centre: every call takes the caller's transaction. */
export type WorkflowApi = Pick<WorkflowService, 'deploy' | 'publish' | 'start' | 'complete' | 'returnTo' | 'openTasks' | 'history' | 'runDueJobs' | 'setCalendarDays'>;

export const workflowModule = defineModule<WorkflowApi>({
  code: 'workflow',
  dependsOn: [],
  setup: ({ db, audit }) => ({ api: createWorkflowService({ db, audit }) }),
});
