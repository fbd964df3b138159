import { defineModule } from '@jsga/kernel';
import type { CaseApi } from '../../centres/case';
import { DEMO_CHILD, DEMO_CITIZEN, DEMO_SPOUSE } from '../../centres/elicense';
import type { IdentityApi } from '../../centres/identity';
import type { MatterApi } from '../../centres/matter';
import type { PrintApi } from '../../centres/print';
import { createRegistryEffects } from './business/registry-effects';
import { registryRoutes } from './registry/registry.routes';
import { createRegistryService } from './registry/registry.service';
import { seedHukouDemo } from './seed/hukou.demo';
import { createIdSegmentService } from './segment/id-segment.service';

/**
 * 户政: the population registry (persons, households, change trajectory), 公民身份号码 号段 and
 * allocation. Registry changes come from concluded hukou businesses, never from bare edits.
 */
export { DEMO_REGISTRY } from './testing/demo-registry.fixture';

export const hukouModule = defineModule({
  code: 'hukou',
  dependsOn: ['identity', 'case', 'matter', 'print'],
  setup: ({ db, audit, config, deps }) => {
    const identity = deps.identity as IdentityApi;
    const registry = createRegistryService({ db, audit, identity, print: deps.print as PrintApi });
    const segments = createIdSegmentService({ db, audit, identity });
    const effects = createRegistryEffects({ audit, cases: deps.case as CaseApi, matter: deps.matter as MatterApi, segments });
    return {
      routes: [{ prefix: '/api/admin/hukou', plugin: registryRoutes(registry, segments) }],
      subscribers: [{ name: 'hukou.registry-effect', topic: 'case.application.concluded', handle: async (tx, e) => { await effects.onCaseConcluded(tx, String(e.payload.caseId)); } }],
      seedDemo: () => seedHukouDemo({ db, identity, persons: config.HUKOU_DEMO_PERSONS, citizen: { head: DEMO_CITIZEN, spouse: DEMO_SPOUSE, child: DEMO_CHILD } }),
      factProviders: [{ namespace: 'hukou', provide: (q, subject) => registry.factsOf(q, subject) }],
    };
  },
});
