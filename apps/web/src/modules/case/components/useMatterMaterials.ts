import { useMemo } from 'react';
import type { CaseView } from '@jsga/contracts';
import { useAccess } from '../../../app/access';
import { useMatterChecklist, useMatterVersion } from '../api';

/** One material of the case's matter, as 补件 and 容缺 offer it. */
export interface MatterMaterialChoice {
  code: string;
  name: string;
  required: boolean;
  allowTolerance: boolean;
  /** The case holds it (uploaded or as an e-licence), not as a tolerated gap. */
  provided: boolean;
}

/**
 * The materials of a case's matter: the exact version the case runs on when the officer may read the
 * matter configuration, else the public checklist for the case's situations (the current version,
 * `otherVersionNo` says when that differs). Materials the case holds that the list lacks are added,
 * so any of them can be asked for again. The version also gives the 容缺 deadline limit.
 */
export function useMatterMaterials(view: CaseView, enabled: boolean) {
  const { can } = useAccess();
  const mayReadVersion = can('matter:catalogue:view');
  const version = useMatterVersion(view.matterVersionId, enabled && mayReadVersion);
  const exact = mayReadVersion && !version.isError;
  const checklist = useMatterChecklist(view.matterCode, view.situationAnswers, enabled && !exact);
  const listed = exact ? version.data?.config.materials : checklist.data?.materials;
  const versionNo = exact ? version.data?.versionNo : checklist.data?.versionNo;

  const materials = useMemo<MatterMaterialChoice[]>(() => {
    const provided = new Set(view.materials.filter((m) => m.status !== 'tolerated_missing').map((m) => m.materialCode));
    const list: MatterMaterialChoice[] = (listed ?? []).map((m) => ({
      code: m.code, name: m.name, required: m.required, allowTolerance: m.allowTolerance, provided: provided.has(m.code),
    }));
    const known = new Set(list.map((m) => m.code));
    for (const m of view.materials) {
      if (known.has(m.materialCode)) continue;
      known.add(m.materialCode);
      list.push({ code: m.materialCode, name: m.name, required: false, allowTolerance: false, provided: provided.has(m.materialCode) });
    }
    return list;
  }, [listed, view.materials]);

  const source = exact ? version : checklist;
  return {
    materials,
    isLoading: source.isLoading,
    isError: source.isError,
    otherVersionNo: versionNo !== undefined && versionNo !== view.matterVersionNo ? versionNo : null,
    /** 容缺受理: the longest deadline the case's matter version allows; null when only the public checklist could be read. */
    toleranceLimitDays: exact ? (version.data?.config.toleranceLimitDays ?? null) : null,
  };
}
