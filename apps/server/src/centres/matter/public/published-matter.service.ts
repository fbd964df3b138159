import type { MatterChecklist, MatterVersionView, PublicMatterGuide, PublicMatterListQuery, SituationAnswers } from '@jsga/contracts';
import type { Db, Queryable } from '@jsga/kernel';
import { catalogueRepo } from '../catalogue/catalogue.repo';
import { implementingRepo } from '../implementing/implementing.repo';
import { matterErrors } from '../matter.errors';
import { deriveChecklist } from '../situation/situation.rules';
import { toVersionView, versionRepo } from '../version/version.repo';

export type PublishedMatterServiceDeps = { db: Db };

/** What the public portal and other modules read: published versions, and any version by id. */
export const createPublishedMatterService = (deps: PublishedMatterServiceDeps) => {
  const getVersion = async (id: string, q: Queryable = deps.db): Promise<MatterVersionView> => {
    const v = await versionRepo.findById(q, id);
    if (!v) throw matterErrors.VERSION_NOT_FOUND({ id });
    return toVersionView(v);
  };

  /** The published standard version, or the org's own published implementing version when there is one. */
  const getPublishedVersion = async (code: string, opts: { orgId?: string; tx?: Queryable } = {}): Promise<MatterVersionView> => {
    const q = opts.tx ?? deps.db;
    const m = await catalogueRepo.findByCode(q, code);
    if (!m?.publishedVersionId) throw matterErrors.NOT_FOUND({ code });
    if (opts.orgId) {
      const impl = await implementingRepo.findByMatterAndOrg(q, m.id, opts.orgId);
      const local = impl ? await versionRepo.findPublished(q, impl.id) : null;
      if (local) return getVersion(local.id, q);
    }
    return getVersion(m.publishedVersionId, q);
  };

  const checklistOf = (v: MatterVersionView, answers: SituationAnswers): MatterChecklist => ({
    matterCode: v.matterCode, versionId: v.id, versionNo: v.versionNo, ...deriveChecklist(v.config, answers),
  });

  return {
    getVersion,
    getPublishedVersion,
    deriveChecklist: async (versionId: string, answers: SituationAnswers, q?: Queryable) => checklistOf(await getVersion(versionId, q), answers),

    list: (query: PublicMatterListQuery) => catalogueRepo.listPublished(deps.db, query),

    guide: async (code: string): Promise<PublicMatterGuide> => {
      const { config: c, ...v } = await getPublishedVersion(code);
      return {
        code: v.matterCode, versionId: v.id, versionNo: v.versionNo, publishedAt: v.publishedAt!, name: c.name, policeType: c.policeType,
        category: c.category, matterType: c.matterType, handlingModes: c.handlingModes, applicantTypes: c.applicantTypes, channels: c.channels,
        zones: c.zones, isOnline: c.isOnline, isOffline: c.isOffline, feeFen: c.feeFen, statutoryLimitDays: c.statutoryLimitDays,
        promisedLimitDays: c.promisedLimitDays, visits: c.visits, legalBasis: c.legalBasis, conditions: c.conditions, feeNote: c.feeNote,
        needsApproval: c.needsApproval, materials: c.materials, situations: c.situations, guide: c.guide,
      };
    },

    checklist: async (code: string, answers: SituationAnswers) => checklistOf(await getPublishedVersion(code), answers),
  };
};

export type PublishedMatterService = ReturnType<typeof createPublishedMatterService>;
