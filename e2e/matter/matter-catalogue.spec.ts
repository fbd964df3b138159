import { expect, test } from '@playwright/test';
import { loginAs } from '../support';

test('[MATTER] administrator finds 户口迁移审批 in the catalogue and reads its guide and situations', async ({ page }) => {
  await loginAs(page, 'admin');
  await page.getByText('配置中心').click();
  await page.getByRole('menuitem', { name: '事项管理' }).click();
  await expect(page).toHaveURL(/\/config\/matters/);
  await page.getByPlaceholder(/名称|关键/).first().fill('户口迁移');
  await page.keyboard.press('Enter');
  const row = page.locator('.ant-table-tbody tr', { hasText: '户口迁移审批' }).first();
  await expect(row).toBeVisible();
  await row.getByText('户口迁移审批').click();
  await expect(page).toHaveURL(/\/config\/matters\/[0-9a-f-]{36}/);
  await expect(page.getByText('办事指南').first()).toBeVisible();
  await expect(page.locator('.ant-table-tbody').first()).toContainText('居民户口簿');
  await page.getByRole('tab', { name: '情形' }).click();
  await expect(page.locator('.ant-tabs-tabpane-active').getByText(/大中专院校学生/).first()).toBeVisible();
});

test('[MATTER] the public catalogue API answers without login', async ({ request }) => {
  const res = await request.get('/api/matters?keyword=%E6%88%B7%E5%8F%A3%E8%BF%81%E7%A7%BB');
  expect(res.ok()).toBe(true);
  const body = await res.json();
  expect(body.items.map((m: { name: string }) => m.name)).toContain('户口迁移审批');
});
