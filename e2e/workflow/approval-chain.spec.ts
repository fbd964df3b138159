import { expect, test } from '@playwright/test';
import { loginAs } from '../support';

test('[WORKFLOW] administrator builds a 3-step approval chain, publishes it and opens it in the BPMN modeller', async ({ page }) => {
  const key = `e2e-chain-${Date.now().toString(36)}`;
  await loginAs(page, 'admin');
  await page.getByText('配置中心').click();
  await page.getByRole('menuitem', { name: '流程设计' }).click();
  await expect(page).toHaveURL(/\/config\/workflows$/);

  // 新建审批链: the designer starts with 受理 → 审核 → 审批
  await page.getByRole('button', { name: /新建审批链/ }).click();
  await expect(page).toHaveURL(/\/config\/workflows\/new\?type=chain/);
  await page.getByLabel('流程名称').fill('E2E 三级审批');
  await page.getByLabel('流程标识').fill(key);
  await expect(page.getByLabel('第1步名称')).toHaveValue('受理');
  await page.getByLabel('第2步名称').fill('审核');
  await page.getByLabel('第3步名称').fill('审批');
  await page.getByLabel('第3步办理时限').fill('5');
  await page.getByLabel('第3步条件').fill('金额 > 100');
  await page.getByRole('button', { name: /保\s*存$/ }).click();

  // saved as draft v1 of the key, still in the chain view
  await expect(page).toHaveURL(/\/config\/workflows\/[0-9a-f-]{36}\?view=chain$/);
  await expect(page.getByText(key).first()).toBeVisible();
  await expect(page.getByText('草稿').first()).toBeVisible();

  // 发布 asks first
  await page.getByRole('button', { name: /发\s*布/ }).click();
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByText(/已发布/).first()).toBeVisible();

  // the list shows it as published; 流程图 opens the modeller
  await page.goto('/config/workflows');
  await page.getByPlaceholder('流程名称 / 标识').fill(key);
  await page.keyboard.press('Enter');
  const row = page.locator('.ant-table-tbody tr', { hasText: key }).first();
  await expect(row).toContainText('已发布');
  await expect(row).toContainText('v1');
  await row.getByText('流程图').click();
  await expect(page).toHaveURL(/\/config\/workflows\/[0-9a-f-]{36}$/);

  const canvas = page.getByTestId('bpmn-canvas');
  const names: Record<string, string> = { step_1: '受理', step_2: '审核', step_3: '审批' };
  for (const [id, name] of Object.entries(names)) {
    const shape = canvas.locator(`g.djs-element.djs-shape[data-element-id="${id}"]`);
    await expect(shape).toBeVisible();
    await expect(shape).toContainText(name);
  }
  // the condition became a gateway in front of 审批
  await expect(canvas.locator('g.djs-element[data-element-id="step_3_gw"]')).toBeVisible();

  // the properties panel reads the jsga attributes
  await canvas.locator('g.djs-element.djs-shape[data-element-id="step_2"]').click();
  const panel = page.getByRole('form', { name: '属性' });
  await expect(panel).toContainText('人工任务');
  await expect(panel).toContainText('审批民警');

  // the bpmn.io watermark is shown and nothing covers it
  const logo = canvas.locator('.bjs-powered-by');
  await expect(logo).toBeVisible();
  const uncovered = await logo.evaluate((el) => {
    const doc = el.ownerDocument;
    const view = doc.defaultView!;
    const r = el.getBoundingClientRect();
    const inViewport = r.width > 0 && r.height > 0 && r.right <= view.innerWidth && r.bottom <= view.innerHeight;
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + 2, r.top + 2],
      [r.right - 2, r.bottom - 2],
    ];
    return inViewport && points.every(([x, y]) => el.contains(doc.elementFromPoint(x, y)));
  });
  expect(uncovered).toBe(true);
});
