import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform';
import type { MessageApi } from './index';
import { createMessageService } from './message.service';

let p: TestPlatform;
const msg = () => p.modules.get('message')!.api as MessageApi;
const userId = async (token: string) => (await p.app.inject({ url: '/api/auth/me', headers: p.as(token) })).json().user.id as string;

beforeAll(async () => { p = await createTestPlatform(); });
afterAll(() => p.close());

describe('message centre', () => {
  it('delivers a templated inbox message to each recipient, with unread counts, and only the owner can read it', async () => {
    const a = await p.login('xinjiekou');
    const b = await p.login('fuzimiao');
    const [ua, ub] = [await userId(a), await userId(b)];
    await p.database.db.transaction((q) => msg().send(q, { templateCode: 'task.assigned', recipients: [{ userId: ua }, { userId: ub }],
      vars: { caseNo: 'SJ-320102-20261128-000001', matterName: '户口迁移审批', nodeName: '受理', dueDate: '2026-12-01' }, businessKey: 'c1' }));
    const inbox = (await p.app.inject({ url: '/api/messages/inbox', headers: p.as(a) })).json();
    expect(inbox).toMatchObject({ total: 1, unread: 1 });
    expect(inbox.items[0]).toMatchObject({ title: '新的待办：受理', body: '办件 SJ-320102-20261128-000001（户口迁移审批）已到“受理”，请在 2026-12-01 前办理。', readAt: null });
    const foreign = await p.app.inject({ method: 'POST', url: `/api/messages/${inbox.items[0].id}/read`, headers: p.as(b) });
    expect(foreign.statusCode).toBe(404);
    expect((await p.app.inject({ url: '/api/messages/unread-count', headers: p.as(a) })).json()).toEqual({ count: 1 });
    expect((await p.app.inject({ method: 'POST', url: `/api/messages/${inbox.items[0].id}/read`, headers: p.as(a) })).statusCode).toBe(200);
    expect((await p.app.inject({ url: '/api/messages/unread-count', headers: p.as(a) })).json()).toEqual({ count: 0 });
    expect((await p.app.inject({ method: 'POST', url: '/api/messages/read-all', headers: p.as(b) })).json()).toEqual({ count: 1 });
  });

  it('refuses to send a message with a missing variable, naming it', async () => {
    const err = await p.database.db.transaction((q) => msg().send(q, { templateCode: 'case.accepted.sms', recipients: [{ phone: '13800000000' }], vars: { caseNo: 'X' } })).catch((e) => e);
    expect(err.code).toBe('MESSAGE_TEMPLATE_VARIABLE_MISSING');
    expect(err.message).toContain('matterName');
  });

  it('retries SMS with back-off when the gateway fails, then sends once it recovers', async () => {
    let fail = true;
    let clock = new Date('2026-11-28T02:00:00Z');
    const sent: string[] = [];
    const service = createMessageService({ db: p.database.db, now: () => clock, sms: { send: async ({ text }) => { if (fail) throw new Error('网关超时'); sent.push(text); return { providerMessageId: 'm1' }; } } });
    await p.database.db.transaction((q) => service.send(q, { templateCode: 'case.accepted.sms', recipients: [{ phone: '13800000000' }], vars: { caseNo: 'SJ-1', matterName: '户口迁移审批' }, businessKey: 'sms-1' }));
    expect(await service.deliverSms()).toBe(1);
    expect(await service.deliverSms()).toBe(0); // not due again for a minute
    clock = new Date(clock.getTime() + 61_000);
    fail = false;
    expect(await service.deliverSms()).toBe(1);
    expect(sent).toEqual(['【江苏公安】您申请的户口迁移审批已受理，办件编号SJ-1，可在“苏证通”查询进度。']);
    const [row] = await p.database.db.transaction((q) => service.listSms(q, 'sms-1'));
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: '网关超时' });
  });
});
