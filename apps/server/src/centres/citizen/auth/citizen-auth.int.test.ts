import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { DEMO_CITIZEN, DEMO_COMPANY, DEMO_SPOUSE } from '../../elicense';

let p: TestPlatform;
const pub = (url: string, payload?: object) => p.app.inject({ method: 'POST', url: `/api/citizen-auth${url}`, ...(payload ? { payload } : {}) });
const me = apiCaller(() => p, '/api/citizen');

beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(() => p.close());

describe('短信验证码登录', () => {
  it('tells the page whether it runs in demo mode; outside it the code goes by SMS only', async () => {
    expect((await p.app.inject({ url: '/api/citizen-auth/options' })).json()).toEqual({ demo: true });
    const prod = await createTestPlatform({ demo: false, env: { CITIZEN_SMS_DEMO: 'false' } });
    try {
      expect((await prod.app.inject({ url: '/api/citizen-auth/options' })).json()).toEqual({ demo: false });
      const res = await prod.app.inject({ method: 'POST', url: '/api/citizen-auth/sms-codes', payload: { phone: '13851880715' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().demoCode).toBeNull();
    } finally {
      await prod.close();
    }
  });

  it('logs the demo citizen in after the name is checked against the population registry', async () => {
    const code = await pub('/sms-codes', { phone: '13851880715' });
    expect(code.statusCode, code.body).toBe(200);
    expect(code.json()).toMatchObject({ expiresInSeconds: 300, demoCode: expect.stringMatching(/^\d{6}$/) });
    const again = await pub('/sms-codes', { phone: '13851880715' });
    expect(again.json()).toMatchObject({ code: 'CITIZEN_SMS_TOO_FREQUENT' });

    const login = await pub('/sms-login', { name: DEMO_CITIZEN.name, idNo: DEMO_CITIZEN.idNo, phone: '13851880715', code: code.json().demoCode });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().me).toMatchObject({ name: '张明远', idNoMasked: '320102********0034', phoneMasked: '138****0715', authLevel: 1, loginMethod: 'sms', consentAt: null, actingFor: null });
    const view = await me(login.json().token, 'GET', '/me');
    expect(view.json()).toMatchObject({ name: '张明远', companies: [{ creditCode: DEMO_COMPANY.creditCode, role: 'legal_representative' }] });
  });

  it('refuses a wrong code, then the right code once the attempts are used up', async () => {
    const phone = '13900000001';
    const { demoCode } = (await pub('/sms-codes', { phone })).json();
    const wrong = demoCode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await pub('/sms-login', { name: DEMO_CITIZEN.name, idNo: DEMO_CITIZEN.idNo, phone, code: wrong });
      expect(r.json()).toMatchObject({ code: 'CITIZEN_SMS_CODE_WRONG', message: '验证码错误或已过期，请重新获取' });
    }
    const late = await pub('/sms-login', { name: DEMO_CITIZEN.name, idNo: DEMO_CITIZEN.idNo, phone, code: demoCode });
    expect(late.json()).toMatchObject({ code: 'CITIZEN_SMS_CODE_WRONG' });
  });

  it('refuses a name that does not belong to the ID number, and a malformed number', async () => {
    const phone = '13900000002';
    const { demoCode } = (await pub('/sms-codes', { phone })).json();
    const r = await pub('/sms-login', { name: '王五', idNo: DEMO_CITIZEN.idNo, phone, code: demoCode });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'CITIZEN_IDENTITY_NOT_VERIFIED' });
    const bad = await pub('/sms-login', { name: '王五', idNo: '12345', phone, code: '123456' });
    expect(bad.json().details.fields[0]).toMatchObject({ path: 'body.idNo', message: '请输入18位公民身份号码' });
  });
});

describe('sessions are kept apart', () => {
  it('a citizen token is refused on officer routes and an officer token on citizen routes', async () => {
    const citizen = await p.loginCitizen();
    const officer = await p.login('xinjiekou');
    expect((await p.app.inject({ url: '/api/admin/case/cases', headers: p.as(citizen) })).statusCode).toBe(401);
    expect((await p.app.inject({ url: '/api/auth/me', headers: p.as(citizen) })).statusCode).toBe(401);
    expect((await me(officer, 'GET', '/me')).statusCode).toBe(401);
    expect((await me(citizen, 'POST', '/logout')).statusCode).toBe(200);
    expect((await me(citizen, 'GET', '/me')).json()).toMatchObject({ code: 'COMMON_UNAUTHENTICATED', message: '登录已失效，请重新登录' });
  });
});

describe('扫码登录', () => {
  it('the computer gets a session only after the signed-in phone confirms, and only once', async () => {
    const phone = await p.loginCitizen(DEMO_SPOUSE);
    const ticket = (await pub('/qr-tickets')).json();
    expect(ticket.qrContent).toMatch(new RegExp(`/portal/scan/${ticket.ticketId}$`));
    const poll = () => pub(`/qr-tickets/${ticket.ticketId}/poll`, { pollSecret: ticket.pollSecret });
    expect((await poll()).json()).toEqual({ status: 'pending', login: null });
    expect((await pub(`/qr-tickets/${ticket.ticketId}/poll`, { pollSecret: 'x'.repeat(43) })).json()).toMatchObject({ code: 'CITIZEN_TICKET_NOT_FOUND' });

    expect((await me(phone, 'POST', `/qr-tickets/${ticket.ticketId}/scan`)).json()).toMatchObject({ status: 'scanned' });
    expect((await poll()).json()).toEqual({ status: 'scanned', login: null });
    expect((await me(phone, 'POST', `/qr-tickets/${ticket.ticketId}/confirm`)).json()).toMatchObject({ status: 'confirmed' });
    const done = (await poll()).json();
    expect(done).toMatchObject({ status: 'consumed', login: { me: { name: DEMO_SPOUSE.name, loginMethod: 'qr' } } });
    expect((await me(done.login.token, 'GET', '/me')).statusCode).toBe(200);
    expect((await poll()).json()).toEqual({ status: 'consumed', login: null });
    expect((await me(phone, 'POST', `/qr-tickets/${ticket.ticketId}/confirm`)).json()).toMatchObject({ code: 'CITIZEN_TICKET_USED' });
  });
});

describe('企业办事：法定代表人与经办人', () => {
  it('the representative acts for the company and authorises an agent, who may then act for it', async () => {
    const rep = await p.loginCitizen();
    const acting = await me(rep, 'POST', '/acting-for', { creditCode: DEMO_COMPANY.creditCode });
    expect(acting.json()).toMatchObject({ actingFor: { creditCode: DEMO_COMPANY.creditCode, name: DEMO_COMPANY.name, role: 'legal_representative' } });

    const spouse = await p.loginCitizen(DEMO_SPOUSE);
    expect((await me(spouse, 'POST', '/acting-for', { creditCode: DEMO_COMPANY.creditCode })).json()).toMatchObject({ code: 'CITIZEN_NOT_AUTHORISED_FOR_COMPANY' });
    expect((await me(spouse, 'POST', '/companies', { creditCode: DEMO_COMPANY.creditCode })).json()).toMatchObject({ code: 'CITIZEN_NOT_LEGAL_REPRESENTATIVE' });

    const wrongName = await me(rep, 'POST', '/company/agents', { name: '李晓', idNo: DEMO_SPOUSE.idNo });
    expect(wrongName.json()).toMatchObject({ code: 'CITIZEN_IDENTITY_NOT_VERIFIED' });
    const granted = await me(rep, 'POST', '/company/agents', { name: DEMO_SPOUSE.name, idNo: DEMO_SPOUSE.idNo, validTo: null });
    expect(granted.statusCode, granted.body).toBe(200);
    expect((await me(rep, 'GET', '/company/agents')).json()).toMatchObject({ total: 1, items: [{ name: DEMO_SPOUSE.name, idNoMasked: '320102********0020' }] });

    const agentView = await me(spouse, 'POST', '/acting-for', { creditCode: DEMO_COMPANY.creditCode });
    expect(agentView.json()).toMatchObject({ actingFor: { role: 'agent' } });
    // an agent cannot name further agents
    expect((await me(spouse, 'POST', '/company/agents', { name: DEMO_CITIZEN.name, idNo: DEMO_CITIZEN.idNo })).json()).toMatchObject({ code: 'CITIZEN_NOT_AUTHORISED_FOR_COMPANY' });

    expect((await me(rep, 'DELETE', `/company/agents/${granted.json().id}`)).statusCode).toBe(200);
    const spouseMe = await me(spouse, 'GET', '/me');
    expect(spouseMe.json().companies).toEqual([]);
  });
});
