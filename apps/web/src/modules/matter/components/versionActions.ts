import type { MatterVersionHeader } from '@jsga/contracts';

export type VersionRowAction = 'edit' | 'submit' | 'return' | 'publish' | 'retire';

export interface VersionGrants {
  /** matter:catalogue:edit */
  edit: boolean;
  /** matter:catalogue:publish */
  publish: boolean;
  /** matter:catalogue:publish-own */
  publishOwn: boolean;
  /** the signed-in user, for the four-eyes rule */
  userId: string | undefined;
}

export interface ActionState {
  action: VersionRowAction;
  /** Why the action is shown but cannot be taken (e.g. four-eyes rule). */
  disabledReason?: string;
}

/**
 * The actions a version row offers, by its status and the caller's permissions — mirroring the
 * server's life cycle (draft → in_review → published → retired, in_review → draft on return) and
 * its four-eyes rule (the last editor may not publish without publish-own).
 */
export function versionActionsFor(v: Pick<MatterVersionHeader, 'status' | 'updatedBy'>, g: VersionGrants): ActionState[] {
  switch (v.status) {
    case 'draft':
      return g.edit ? [{ action: 'edit' }, { action: 'submit' }] : [];
    case 'in_review': {
      if (!g.publish) return [];
      const ownEdit = !!g.userId && v.updatedBy === g.userId && !g.publishOwn;
      return [{ action: 'return' }, { action: 'publish', disabledReason: ownEdit ? '四眼原则：您是该版本的最后编辑人，请由其他审核人员发布' : undefined }];
    }
    case 'published':
      return g.publish ? [{ action: 'retire' }] : [];
    default:
      return [];
  }
}

/** 新建草稿 is possible while no version is a draft or in review. */
export const hasOpenVersion = (versions: readonly Pick<MatterVersionHeader, 'status'>[]) =>
  versions.some((v) => v.status === 'draft' || v.status === 'in_review');
