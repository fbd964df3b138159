import type { MatterChecklist, MatterVersionView, PublicMatterListQuery, PublicMatterSummary, SituationAnswers } from '@jsga/contracts';
import { defineModule, type Queryable } from '@jsga/kernel';
import { catalogueAdminRoutes } from './catalogue/catalogue.admin.routes';
import { createCatalogueService } from './catalogue/catalogue.service';
import { implementingAdminRoutes } from './implementing/implementing.admin.routes';
import { createImplementingService } from './implementing/implementing.service';
import { createMatterSuggestService } from './public/matter-suggest.service';
import { matterPublicRoutes } from './public/matter.public.routes';
import { createPublishedMatterService } from './public/published-matter.service';
import { seedMatterReference } from './seed/matter.reference';
import { versionAdminRoutes } from './version/version.admin.routes';
import { createVersionService } from './version/version.service';

/**
 * What other centres and modules may use of the matter centre. Pass your transaction as `tx` to read
 * inside it. A case stores the version id it started on and reads that version back with getVersion,
 * however many versions have been published since.
 */
export type MatterApi = {
  /** The published version of a standard matter; with `orgId`, that org's published implementing version if it has one. Throws MATTER_NOT_FOUND. */
  getPublishedVersion(code: string, opts?: { orgId?: string; tx?: Queryable }): Promise<MatterVersionView>;
  /** Any version, whatever its status. Throws MATTER_VERSION_NOT_FOUND. */
  getVersion(id: string, tx?: Queryable): Promise<MatterVersionView>;
  /** 一单告知 for a version and situation answers. Throws MATTER_SITUATION_ANSWER_INVALID on answers the tree does not allow. */
  deriveChecklist(versionId: string, answers: SituationAnswers, tx?: Queryable): Promise<MatterChecklist>;
  /** A page of published standard matters (the portal's list, keyword over code and name). */
  listPublished(query: PublicMatterListQuery): Promise<{ items: PublicMatterSummary[]; total: number }>;
};

export const matterModule = defineModule<MatterApi>({
  code: 'matter',
  dependsOn: [],
  setup: ({ db, audit }) => {
    const versions = createVersionService({ db, audit });
    const published = createPublishedMatterService({ db });
    return {
      api: { getPublishedVersion: published.getPublishedVersion, getVersion: published.getVersion, deriveChecklist: published.deriveChecklist, listPublished: published.list },
      routes: [
        { prefix: '/api/admin/matter', plugin: catalogueAdminRoutes(createCatalogueService({ db, audit, versions })) },
        { prefix: '/api/admin/matter', plugin: versionAdminRoutes(versions) },
        { prefix: '/api/admin/matter', plugin: implementingAdminRoutes(createImplementingService({ db, audit, versions })) },
        { prefix: '/api', plugin: matterPublicRoutes(published, createMatterSuggestService({ list: published.list })) },
      ],
      seedReference: () => seedMatterReference(db),
    };
  },
});
