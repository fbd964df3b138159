import { defineModule } from '@jsga/kernel';
import type { IdentityApi } from '../../centres/identity';
import { registryRoutes } from './registry/registry.routes';
import { createRegistryService } from './registry/registry.service';
import { seedHukouDemo } from './seed/hukou.demo';
import { createIdSegmentService } from './segment/id-segment.service';

/**
 * 户政: the population registry (persons, households, change trajectory), 公民身份号码 号段 and
 * allocation. Registry changes come from concluded hukou businesses, never from bare edits.
 */
export const hukouModule = defineModule({
  code: 'hukou',
  dependsOn: ['identity'],
  setup: ({ db, audit, config, deps }) => {
    const identity = deps.identity as IdentityApi;
    const registry = createRegistryService({ db, audit, identity });
    const segments = createIdSegmentService({ db, audit, identity });
    return {
      routes: [{ prefix: '/api/admin/hukou', plugin: registryRoutes(registry, segments) }],
      seedDemo: () => seedHukouDemo({ db, identity, persons: config.HUKOU_DEMO_PERSONS }),
    };
  },
});
