import { describe, expect, it } from 'vitest';
import { AppError } from '@jsga/kernel';
import { assertEditable, mayPublish, nextStatus } from './version.rules';

const codeOf = (fn: () => unknown) => { try { fn(); } catch (e) { return (e as AppError).code; } return null; };

describe('matter version life cycle', () => {
  it('goes draft → in_review → published → retired, and back to draft when returned', () => {
    expect(nextStatus('draft', 'submit')).toBe('in_review');
    expect(nextStatus('in_review', 'return')).toBe('draft');
    expect(nextStatus('in_review', 'publish')).toBe('published');
    expect(nextStatus('published', 'retire')).toBe('retired');
  });

  it('refuses to publish a draft that skipped review, or to touch a retired version', () => {
    expect(codeOf(() => nextStatus('draft', 'publish'))).toBe('MATTER_INVALID_TRANSITION');
    expect(codeOf(() => nextStatus('retired', 'publish'))).toBe('MATTER_INVALID_TRANSITION');
    expect(codeOf(() => nextStatus('published', 'submit'))).toBe('MATTER_INVALID_TRANSITION');
    expect(codeOf(() => nextStatus('retired', 'retire'))).toBe('MATTER_INVALID_TRANSITION');
  });

  it('lets only drafts be edited', () => {
    expect(codeOf(() => assertEditable('draft'))).toBeNull();
    for (const s of ['in_review', 'published', 'retired'] as const) expect(codeOf(() => assertEditable(s))).toBe('MATTER_VERSION_NOT_EDITABLE');
  });

  it('four eyes: the last editor may not publish unless allowed to publish their own work', () => {
    expect(mayPublish({ lastEditorId: 'u1', publisherId: 'u1', mayPublishOwn: false })).toBe(false);
    expect(mayPublish({ lastEditorId: 'u1', publisherId: 'u2', mayPublishOwn: false })).toBe(true);
    expect(mayPublish({ lastEditorId: 'u1', publisherId: 'u1', mayPublishOwn: true })).toBe(true);
    expect(mayPublish({ lastEditorId: null, publisherId: 'u1', mayPublishOwn: false })).toBe(true);
  });
});
