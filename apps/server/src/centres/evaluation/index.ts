import { defineModule } from '@jsga/kernel';
import type { CaseApi } from '../case';
import { evaluationAdminRoutes, evaluationCitizenRoutes } from './application/evaluation.routes';
import { createEvaluationService } from './application/evaluation.service';

/** 好差评: applicants evaluate concluded cases; officers see the evaluations of their orgs. */
export const evaluationModule = defineModule({
  code: 'evaluation',
  dependsOn: ['case'],
  setup: ({ db, audit, deps }) => {
    const service = createEvaluationService({ db, audit, cases: deps.case as CaseApi });
    return {
      routes: [
        { prefix: '/api/citizen', plugin: evaluationCitizenRoutes(service) },
        { prefix: '/api/admin/evaluation', plugin: evaluationAdminRoutes(service) },
      ],
    };
  },
});
