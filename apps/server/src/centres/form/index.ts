import { chinaDate, defineModule } from '@jsga/kernel';
import { formAdminRoutes, formPublicRoutes } from './definition/form-definition.routes';
import { createFormDefinitionService, type FormDefinitionService } from './definition/form-definition.service';
import { seedFeaturedForms } from './seed/featured-forms';

/** What other modules may use of the form centre (calls take the caller's transaction). */
export type FormApi = Pick<FormDefinitionService, 'getPublished' | 'getVersion' | 'validateVersion'>;

export const formModule = defineModule<FormApi>({
  code: 'form',
  dependsOn: [],
  setup: ({ db, audit }) => {
    const service = createFormDefinitionService({ db, audit, today: () => chinaDate(new Date()) });
    return {
      api: service,
      routes: [
        { prefix: '/api/admin/form', plugin: formAdminRoutes(service) },
        { prefix: '/api/forms', plugin: formPublicRoutes(service) },
      ],
      seedReference: () => seedFeaturedForms(db),
    };
  },
});
