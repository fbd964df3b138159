import { expect, test } from '@playwright/test';
import { loginAs } from '../support';

test('[IDENTITY] a wrong password is refused with a Chinese message and no redirect', async ({ page }) => {
  await page.goto('/login');
  await page.locator('#username').fill('xinjiekou');
  await page.locator('#password').fill('not-the-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('[IDENTITY] window officer switches to the station-admin position and sees only their own station\'s users', async ({ page }) => {
  await loginAs(page, 'xinjiekou');
  const switcher = page.getByTestId('position-switcher');
  await expect(switcher).toContainText('受理岗 · 新街口派出所');
  // the 受理岗 position has no administration menu
  await expect(page.getByRole('menuitem', { name: '用户管理' })).toHaveCount(0);

  await switcher.click();
  await page.getByText('所内管理 · 新街口派出所').click();
  await expect(switcher).toContainText('所内管理 · 新街口派出所');

  await page.getByText('系统管理').click();
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expect(page).toHaveURL(/\/system\/users/);
  await expect(page.getByText('用户管理').first()).toBeVisible();
  const table = page.locator('.ant-table-tbody');
  await expect(table).toContainText('xinjiekou');
  await expect(table).toContainText('xjk_fujing');
  await expect(table).not.toContainText('fuzimiao');
  await expect(table).toContainText('138****5678');
});

test('[IDENTITY] administrator opens the organisation tree and the audit log', async ({ page }) => {
  await loginAs(page, 'admin');
  await page.goto('/system/orgs');
  await expect(page.getByText('江苏省公安厅').first()).toBeVisible();
  await page.goto('/security/audit');
  await expect(page.getByText('审计日志').first()).toBeVisible();
  await expect(page.locator('.ant-table-tbody')).toContainText('auth.login');
});

test('[IDENTITY] a page the position may not open shows 无权访问', async ({ page }) => {
  await loginAs(page, 'xjk_fujing');
  await page.goto('/system/roles');
  await expect(page.getByText('无权访问').first()).toBeVisible();
});
