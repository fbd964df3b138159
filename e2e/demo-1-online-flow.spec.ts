import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_CITIZEN, DEMO_PASSWORD, freshPhone, loginAs, signInCitizenBySms } from './support';

/**
 * Acceptance demonstration 1 (INDEX.md), up to archiving: a citizen applies online for 驾驶证补证 —
 * 在线导办, 一表申请 with 感知回填, the 居民身份证 e-licence instead of an upload — the station asks for
 * a missing material (补件), the citizen supplies it online, the station passes pre-review, the
 * 分局 approver refuses with a reason the citizen sees; a second application is approved, completed,
 * and the citizen evaluates it.
 */
const MATTER = '驾驶证补证、换证';
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function newPage(browser: Browser) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  return context.newPage();
}

/** The officer opens the case from a 网上预审 queue and does one action through its dialog. */
async function act(page: Page, queue: 'pending' | 'received', caseNo: string, button: RegExp, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.goto(`/handling/pre-review?queue=${queue}&keyword=${caseNo}`);
  await page.getByText(caseNo, { exact: true }).first().click();
  await expect(page).toHaveURL(/\/handling\/cases\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await fill(dialog);
  await dialog.getByRole('button', { name: /确\s*定|提\s*交|确\s*认/ }).click();
  await expect(dialog).toBeHidden();
}

async function citizenToken(request: APIRequestContext) {
  const phone = freshPhone();
  const code = await (await request.post('/api/citizen-auth/sms-codes', { data: { phone } })).json();
  const login = await (await request.post('/api/citizen-auth/sms-login', { data: { ...DEMO_CITIZEN, phone, code: code.demoCode } })).json();
  return login.token as string;
}

test('[DEMO-1] 网上申报 → 预审补件 → 预审通过 → 审批不予许可（申请人可见理由）；另一件准予、办结并评价', async ({ browser, request }) => {
  test.setTimeout(360_000);
  const citizen = await newPage(browser);

  // ---- 在线导办: from the portal home to the personalised checklist
  await citizen.goto('/portal');
  await citizen.getByRole('combobox').first().fill('驾驶证补证');
  await citizen.getByRole('combobox').first().press('Enter');
  await citizen.getByRole('link', { name: MATTER }).first().click();
  await citizen.getByRole('button', { name: /在线导办/ }).click();
  await citizen.getByText('遗失或损毁补证').click();
  await citizen.getByRole('button', { name: /下一[步题]/ }).click();
  await citizen.getByText('否', { exact: true }).click();
  await citizen.getByRole('button', { name: /下一[步题]|生成|查看/ }).click();
  await expect(citizen.getByText(`一单告知：${MATTER}`)).toBeVisible();
  await expect(citizen.getByText('驾驶证遗失声明').first()).toBeVisible();

  // ---- 在线申请: sign in through the citizen identity service, authorise identity verification
  await citizen.getByRole('button', { name: '在线申请' }).click();
  await expect(citizen).toHaveURL(/\/portal\/login/);
  await citizen.getByRole('tab', { name: /短信验证码登录/ }).click();
  await signInCitizenBySms(citizen, DEMO_CITIZEN, freshPhone());
  const consent = citizen.getByRole('dialog', { name: /授权身份核验/ });
  await consent.getByRole('button', { name: '同意并继续' }).click();
  await expect(citizen).toHaveURL(/\/portal\/apply\/[0-9a-f-]{36}$/);

  // ---- 一表申请 with 感知回填 (marked) and the 居民身份证 e-licence in place of an upload
  await expect(citizen.locator('[data-prefilled="fileNo"]')).toHaveText('已从电子证照·机动车驾驶证回填');
  await expect(citizen.locator('[data-prefilled="name"]')).toHaveText('已从身份认证信息回填');
  await expect(citizen.locator('[data-prefilled="contactAddress"]')).toHaveText('已从人口信息库回填');
  await expect(citizen.getByLabel('档案编号')).toHaveValue('320100715034');
  await citizen.getByRole('radiogroup', { name: '申请事项' }).getByText('遗失或损毁补证').click();
  await citizen.getByLabel('补证原因').click();
  await citizen.locator('.ant-select-item-option', { hasText: '遗失' }).first().click();
  await citizen.getByLabel('体检医疗机构').fill('南京市第一医院');
  await citizen.getByLabel('身体条件证明出具日期').fill(today());
  await citizen.getByLabel('身体条件证明出具日期').press('Enter');
  await citizen.getByRole('radiogroup', { name: '领证方式' }).getByText('窗口当场领取').click();
  const idCard = citizen.getByRole('listitem', { name: '材料：居民身份证' });
  await expect(idCard.getByText('免提交：已关联电子证照')).toBeVisible();
  await citizen.getByLabel('受理单位').click();
  await citizen.getByLabel('受理单位').fill('新街口');
  await citizen.locator('.ant-select-item-option', { hasText: '新街口派出所' }).click();

  // an incomplete form is refused under its field, nothing submitted
  await citizen.getByLabel('体检医疗机构').fill('');
  await citizen.getByRole('button', { name: /提交申报/ }).click();
  await expect(citizen.getByRole('alert').filter({ hasText: '申请表有未填或填写有误的内容' })).toBeVisible();
  await citizen.getByLabel('体检医疗机构').fill('南京市第一医院');

  await citizen.getByRole('button', { name: /暂\s*存/ }).click();
  await expect(citizen.getByText(/已暂存/)).toBeVisible();
  await citizen.getByRole('button', { name: /提交申报/ }).click();
  await expect(citizen.getByText('申报已提交', { exact: true })).toBeVisible();
  const caseNo = (await citizen.getByLabel('申报回执').locator('td').first().textContent())!.trim();
  expect(caseNo).toMatch(/^320102\d{14}$/);

  // ---- 预审补件 by the station
  const station = await newPage(browser);
  await loginAs(station, 'xinjiekou');
  await act(station, 'pending', caseNo, /^补\s*件$/, async (d) => {
    await d.getByText('驾驶证遗失声明').click();
    await d.getByLabel(/补件原因/).fill('请上传本人签名的驾驶证遗失声明');
  });

  // ---- the citizen supplies it online
  await citizen.getByRole('button', { name: '查看办理进度' }).click();
  await expect(citizen.getByText('补正原因：请上传本人签名的驾驶证遗失声明')).toBeVisible();
  await citizen.locator('input[type=file]').first().setInputFiles({ name: '遗失声明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n') });
  await expect(citizen.getByText('遗失声明.pdf')).toBeVisible();
  await citizen.getByRole('button', { name: '提交补正材料' }).click();
  await expect(citizen.getByTestId('case-status')).toHaveText('已申报');

  // ---- 预审通过 (受理) at the station
  await act(station, 'pending', caseNo, /预审通过/, async () => {});

  // ---- the 分局 approver refuses, with a reason
  const approver = await newPage(browser);
  await loginAs(approver, 'xuanwu');
  await act(approver, 'received', caseNo, /审核审批/, async (d) => {
    await d.getByRole('radio', { name: '不通过' }).check();
    await d.getByLabel(/审核审批意见/).fill('该驾驶证处于扣押状态，不予补证');
  });

  // ---- the citizen sees the refusal and its reason
  await citizen.reload();
  await expect(citizen.getByTestId('case-status')).toHaveText('不予许可');
  await expect(citizen.getByText('理由：该驾驶证处于扣押状态，不予补证')).toBeVisible();

  // ---- a second application (through the same API the page uses) is approved and completed
  const token = await citizenToken(request);
  const auth = { Authorization: `Bearer ${token}` };
  const first = await (await request.get('/api/citizen/cases', { headers: auth })).json();
  const firstId = first.items.find((c: { caseNo: string }) => c.caseNo === caseNo).id;
  const draft = await (await request.post('/api/citizen/declarations', { headers: auth, data: { matterCode: 'JS-J007', fromCaseId: undefined, situationAnswers: { apply_type: 'replace', senior: 'no' } } })).json();
  const old = await (await request.get(`/api/citizen/cases/${firstId}`, { headers: auth })).json();
  const points = await (await request.get('/api/citizen/service-points?keyword=新街口', { headers: auth })).json();
  const licences = await (await request.get('/api/citizen/licences', { headers: auth })).json();
  const idCardLicence = licences.items.find((l: { typeCode: string }) => l.typeCode === 'resident_id_card');
  await request.put(`/api/citizen/declarations/${draft.id}`, { headers: auth, data: {
    formData: old.formData, orgId: points.items[0].id, contactPhone: '13851880715', expectedRevision: draft.revision,
    materials: [{ materialCode: 'ID_CARD', licenceId: idCardLicence.id, label: '电子证照·居民身份证' }],
  } });
  const receipt = await (await request.post(`/api/citizen/declarations/${draft.id}/submit`, { headers: auth, data: { expectedRevision: draft.revision + 1 } })).json();
  expect(receipt.caseNo, JSON.stringify(receipt)).toMatch(/^320102/);
  await act(station, 'pending', receipt.caseNo, /预审通过/, async () => {});
  await act(approver, 'received', receipt.caseNo, /审核审批/, async (d) => {
    await d.getByRole('radio', { name: '通过', exact: true }).check();
    await d.getByLabel(/审核审批意见/).fill('同意补证');
  });
  await act(station, 'received', receipt.caseNo, /审核审批/, async (d) => {
    await d.getByRole('radio', { name: '通过', exact: true }).check();
    await d.getByLabel(/审核审批意见/).fill('已当场发证');
  });

  // ---- the citizen sees completion and evaluates
  await citizen.goto('/portal/my');
  await citizen.getByRole('link', { name: MATTER }).first().click();
  await expect(citizen.getByTestId('case-status')).toHaveText('已办结（准予）');
  await citizen.getByRole('radio', { name: '5 star' }).or(citizen.locator('.ant-rate-star').nth(4)).first().click();
  await citizen.getByText('办理迅速').click();
  await citizen.getByRole('button', { name: '提交评价' }).click();
  await expect(citizen.getByText('感谢您的评价！')).toBeVisible();
  await expect(citizen.getByText('非常满意')).toBeVisible();

  // ---- 电子归档: the approved case is 待归档 for the 分局's archivist, passes the 四性检测, gets its 档号, the package downloads
  const archivist = await newPage(browser);
  await loginAs(archivist, 'xw_dangan');
  await archivist.goto('/archive/records');
  const row = archivist.getByRole('row', { name: new RegExp(receipt.caseNo) });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: '四性检测' }).click();
  const report = archivist.getByTestId('check-report');
  await expect(report).toBeVisible();
  for (const property of ['真实性', '完整性', '可用性', '安全性']) await expect(report.getByRole('region', { name: property })).toBeVisible();
  await expect(report.locator('[data-check="A1"]')).toContainText('通过');
  await expect(report.locator('[data-check="S1"]')).toContainText('需人工');
  await expect(report.getByText('未通过', { exact: true })).toHaveCount(0);
  await archivist.getByRole('dialog').getByRole('button', { name: /归\s*档$/ }).click();
  const code = archivist.getByRole('dialog').getByText(/^J032-ZW·07-\d{4}-D30-\d{4}$/);
  await expect(code).toBeVisible();
  const download = archivist.waitForEvent('download');
  await archivist.getByRole('dialog').getByRole('button', { name: '下载信息包' }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  const bytes = await zip.createReadStream().then(async (stream) => { const parts: Buffer[] = []; for await (const part of stream) parts.push(part as Buffer); return Buffer.concat(parts); });
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});
