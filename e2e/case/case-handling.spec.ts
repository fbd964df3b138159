import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, loginAs } from '../support';

/** A valid 公民身份号码 (GB 11643 check digit X). */
const ID_NO = '11010519491231002X';

async function tokenOf(request: APIRequestContext, username: string) {
  const res = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok(), `login ${username}`).toBe(true);
  return ((await res.json()) as { token: string }).token;
}

/**
 * A published catalogue matter a natural person may apply for at the window without bound form or
 * process and without situations — checked through the administrator's matter API, not assumed.
 */
async function plainMatter(request: APIRequestContext): Promise<{ code: string; name: string }> {
  const auth = { Authorization: `Bearer ${await tokenOf(request, 'admin')}` };
  for (const keyword of ['暂住登记', '备案', '登记']) {
    const list = await request.get('/api/matters', { params: { keyword, page: 1, pageSize: 50 } });
    expect(list.ok()).toBe(true);
    const items = ((await list.json()) as { items: { code: string; name: string; applicantTypes: string[] }[] }).items;
    for (const m of items.filter((i) => i.applicantTypes.includes('natural_person'))) {
      const found = await request.get('/api/admin/matter/matters', { params: { keyword: m.code, page: 1, pageSize: 5 }, headers: auth });
      const id = ((await found.json()) as { items: { id: string; code: string }[] }).items.find((i) => i.code === m.code)?.id;
      if (!id) continue;
      const detail = (await (await request.get(`/api/admin/matter/matters/${id}`, { headers: auth })).json()) as { publishedVersionId: string | null };
      if (!detail.publishedVersionId) continue;
      const version = (await (await request.get(`/api/admin/matter/versions/${detail.publishedVersionId}`, { headers: auth })).json()) as {
        config: { situations: unknown[]; bindings: { formKeys: string[]; processKey: string | null } };
      };
      const { bindings, situations } = version.config;
      if (bindings.formKeys.length === 0 && bindings.processKey === null && situations.length === 0) return { code: m.code, name: m.name };
    }
  }
  throw new Error('种子数据中没有未绑定表单和流程的已发布事项');
}

test('[CASE] window officer registers a case for a plain catalogue matter, finds it, accepts and concludes it', async ({ page, request }) => {
  const matter = await plainMatter(request);

  await loginAs(page, 'xinjiekou');
  await page.getByText('业务办理').click();
  await page.getByRole('menuitem', { name: '办件查询' }).click();
  await expect(page).toHaveURL(/\/handling\/cases$/);

  // 登记办件
  await page.getByRole('button', { name: /登记办件/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByRole('combobox', { name: '事项' }).fill(matter.code);
  await page.locator('.ant-select-item-option', { hasText: `（${matter.code}）` }).click();
  await expect(drawer.getByText(/现行版本 v\d+/)).toBeVisible();
  await drawer.getByLabel('申请人姓名').fill('陈大文');
  await drawer.getByLabel('公民身份号码').fill(ID_NO);
  await drawer.getByLabel('联系电话').fill('13912345678');
  await drawer.getByRole('button', { name: /添加表单项/ }).click();
  await drawer.getByLabel('第1项字段名').fill('暂住地址');
  await drawer.getByLabel('第1项内容').fill('南京市玄武区中山路1号');
  await drawer.getByLabel('第1项内容').press('Enter');

  // the new case opens
  await expect(page).toHaveURL(/\/handling\/cases\/[0-9a-f-]{36}$/);
  const caseId = page.url().split('/').pop()!;
  const heading = page.getByRole('heading', { level: 1, name: /^办件 / });
  await expect(heading).toHaveText(/^办件 \S+$/);
  const caseNo = (await heading.textContent())!.replace('办件 ', '').trim();
  await expect(page.locator('.ant-page-header-heading-sub-title').getByText('已申报')).toBeVisible();

  // the server kept no form and started no process for it
  const token = await tokenOf(request, 'xinjiekou');
  const created = await request.get(`/api/admin/case/cases/${caseId}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(created.ok()).toBe(true);
  expect(await created.json()).toMatchObject({ caseNo, matterCode: matter.code, formKey: null, processKey: null, workflowInstanceId: null, openTasks: [] });

  // it is in the list
  await page.goto('/handling/cases');
  await page.getByPlaceholder('办件编号 / 申请人 / 事项名称 / 证件号码').fill(caseNo);
  await page.keyboard.press('Enter');
  const row = page.locator('.ant-table-tbody tr', { hasText: caseNo }).first();
  await expect(row).toContainText('已申报');
  await expect(row).toContainText('陈大文');
  await expect(row).toContainText('110105********002X');
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/handling/cases/${caseId}$`));

  // 受理
  const actions = page.getByRole('toolbar', { name: '办理操作' });
  await actions.getByRole('button', { name: '受理', exact: true }).click();
  const acceptDialog = page.getByRole('dialog').filter({ hasText: `受理 · ${caseNo}` });
  await acceptDialog.getByLabel('受理意见（可选）').fill('材料齐全，予以受理');
  await acceptDialog.getByRole('button', { name: '确认受理' }).click();
  await expect(page.locator('.ant-page-header-heading-sub-title').getByText('已受理')).toBeVisible();

  // 办结，准予
  await actions.getByRole('button', { name: '办结', exact: true }).click();
  const concludeDialog = page.getByRole('dialog').filter({ hasText: `办结 · ${caseNo}` });
  await concludeDialog.getByText('准予').click();
  await concludeDialog.getByRole('button', { name: '确认办结' }).click();
  await expect(page.locator('.ant-page-header-heading-sub-title').getByText('已办结')).toBeVisible();
  await expect(page.getByText('办件当前状态下没有可办理的操作')).toBeVisible();

  // 办理过程 shows both steps after 申报
  await page.getByRole('tab', { name: /办理过程/ }).click();
  const timeline = page.getByLabel('办理过程');
  await expect(timeline.locator('.ant-timeline-item')).toHaveCount(3);
  await expect(timeline.locator('.ant-timeline-item').nth(1)).toContainText('受理');
  await expect(timeline.locator('.ant-timeline-item').nth(1)).toContainText('材料齐全，予以受理');
  await expect(timeline.locator('.ant-timeline-item').nth(1)).toContainText('张受理');
  await expect(timeline.locator('.ant-timeline-item').nth(2)).toContainText('办结');
  await expect(timeline.locator('.ant-timeline-item').nth(2)).toContainText('已办结');
});
