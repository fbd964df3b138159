import type { MatterVersionStatus } from '@jsga/contracts';
import { matterErrors } from '../matter.errors';

/**
 * Version life cycle: draft → in_review → published → retired, with in_review → draft when a reviewer
 * returns it. Publishing a version retires the one published before it (see version.service.ts).
 */
export type VersionAction = 'submit' | 'return' | 'publish' | 'retire';

const transitions: Record<VersionAction, { from: readonly MatterVersionStatus[]; to: MatterVersionStatus }> = {
  submit: { from: ['draft'], to: 'in_review' },
  return: { from: ['in_review'], to: 'draft' },
  publish: { from: ['in_review'], to: 'published' },
  retire: { from: ['published'], to: 'retired' },
};

export function nextStatus(status: MatterVersionStatus, action: VersionAction): MatterVersionStatus {
  const t = transitions[action];
  if (!t.from.includes(status)) throw matterErrors.INVALID_TRANSITION({ status, action, allowedFrom: t.from });
  return t.to;
}

/** Only a draft's content may change; anything submitted or published changes through a new draft. */
export function assertEditable(status: MatterVersionStatus) {
  if (status !== 'draft') throw matterErrors.VERSION_NOT_EDITABLE({ status });
}

/**
 * 四眼原则: whoever last edited a version may not publish it. Holders of `matter:catalogue:publish-own`
 * (granted to 系统管理员 only, for a one-person demo or an emergency fix) are exempt; the audit trail
 * still names both people.
 */
export function mayPublish(input: { lastEditorId: string | null; publisherId: string; mayPublishOwn: boolean }): boolean {
  return input.mayPublishOwn || input.lastEditorId !== input.publisherId;
}
