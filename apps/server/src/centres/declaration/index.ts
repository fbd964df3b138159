import { defineModule } from '@jsga/kernel';
import type { CaseApi } from '../case';
import type { ElicenseApi } from '../elicense';
import type { FormApi } from '../form';
import type { IdentityApi } from '../identity';
import type { MatterApi } from '../matter';
import { declarationRoutes, declarationWindowRoutes } from './application/declaration.routes';
import { createDeclarationService } from './application/declaration.service';

/** 网上申报: drafts, 感知回填 (online, and at the window after reading the ID card), 免证办 and submission into the case centre. */
export const declarationModule = defineModule({
  code: 'declaration',
  dependsOn: ['matter', 'form', 'case', 'elicense', 'identity'],
  setup: ({ db, audit, deps }) => {
    const service = createDeclarationService({
      db, audit, matter: deps.matter as MatterApi, form: deps.form as FormApi, cases: deps.case as CaseApi,
      elicense: deps.elicense as ElicenseApi, identity: deps.identity as IdentityApi,
    });
    return {
      routes: [
        { prefix: '/api/citizen', plugin: declarationRoutes(service) },
        { prefix: '/api/admin/declaration', plugin: declarationWindowRoutes(service) },
      ],
    };
  },
});
