import { defineModule } from '@jsga/kernel';
import type { ElicenseApi } from '../elicense';
import type { FilesApi } from '../files';
import type { FormApi } from '../form';
import type { IdentityApi } from '../identity';
import type { MatterApi } from '../matter';
import type { MessageApi } from '../message';
import type { PrintApi } from '../print';
import type { WorkflowApi } from '../workflow';
import { caseAdminRoutes } from './application/case.admin.routes';
import { caseCitizenRoutes } from './application/case.citizen.routes';
import { createCaseService, type CaseService } from './application/case.service';

/** What other modules may use of the case centre. Subscribe to `case.application.*` events for reactions. */
export type CaseApi = Pick<CaseService, 'create' | 'act' | 'addLink' | 'findCase' | 'getForApplicant' | 'applicantCaseSummary' | 'documentsForArchive'>;

export const caseModule = defineModule<CaseApi>({
  code: 'case',
  dependsOn: ['identity', 'matter', 'form', 'workflow', 'message', 'files', 'elicense', 'print'],
  setup: ({ db, audit, events, config, deps, facts }) => {
    const service = createCaseService({
      db, audit, events, facts,
      identity: deps.identity as IdentityApi, matter: deps.matter as MatterApi, form: deps.form as FormApi,
      workflow: deps.workflow as WorkflowApi, message: deps.message as MessageApi, files: deps.files as FilesApi, elicense: deps.elicense as ElicenseApi, print: deps.print as PrintApi,
      numberPattern: config.CASE_NO_PATTERN, warnDays: config.SLA_WARN_DAYS,
    });
    return {
      api: service,
      routes: [
        { prefix: '/api/admin/case', plugin: caseAdminRoutes(service) },
        { prefix: '/api/citizen', plugin: caseCitizenRoutes(service) },
      ],
      jobs: [
        { name: 'case.sla', everyMs: 10 * 60_000, run: () => service.runSla() },
        { name: 'case.tolerance', everyMs: 10 * 60_000, run: () => service.runToleranceDeadlines() },
      ],
      subscribers: [{
        name: 'case.result-document', topic: 'case.application.concluded',
        handle: async (tx, e) => { await service.issueResultDocument(tx, String(e.payload.caseId)); },
      }],
    };
  },
});
