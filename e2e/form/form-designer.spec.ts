import { expect, test, type Locator, type Page } from '@playwright/test';
import { loginAs } from '../support';

const KEY = 'family_members_e2e';

/** Picks an option of an antd Select from its open dropdown. */
async function pick(page: Page, select: Locator, option: string) {
  await select.click({ force: true }); // the selected item's span covers the search input
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

test('[FORM] administrator designs a form with a sub-table, a linkage rule and a computed field; browser and server agree; publishes it', async ({ page, request }) => {
  test.setTimeout(120_000);
  await loginAs(page, 'admin');
  await page.getByText('配置中心').click();
  await page.getByRole('menuitem', { name: '表单设计' }).click();
  await expect(page).toHaveURL(/\/config\/forms$/);
  await page.getByRole('button', { name: /新建表单/ }).click();
  await expect(page).toHaveURL(/\/config\/forms\/new$/);

  const props = page.getByRole('region', { name: '属性面板' });
  const outline = page.getByRole('navigation', { name: '表单结构' });
  const field = (name: string) => props.locator(`#fd-field-${name}`);
  /** 必填: 是 (antd button-style radios: the label is what one clicks). */
  const required = () => props.locator('label.ant-radio-button-wrapper', { hasText: /^是$/ }).click();

  // the form itself
  await props.locator('#fd-form-key').fill(KEY);
  await props.locator('#fd-form-title').fill('家庭成员登记表');

  // 申请人姓名 (required text) into the first section
  await outline.getByRole('button', { name: '分组 基本信息', exact: true }).click();
  await page.getByRole('button', { name: '添加单行文本' }).click();
  await field('key').fill('applicantName');
  await field('label').fill('申请人姓名');
  await required();

  // 家庭成员 sub-table: 姓名, 与申请人关系 (其他 shows 说明), 说明
  await page.getByRole('button', { name: '添加子表/分组' }).click();
  await field('key').fill('members');
  await field('label').fill('家庭成员');
  await props.getByRole('button', { name: '编辑列 列1' }).click();
  await field('key').fill('memberName');
  await field('label').fill('姓名');
  await required();

  await props.getByRole('button', { name: '家庭成员', exact: true }).click(); // back to the sub-table
  await pick(page, props.getByRole('combobox', { name: '新列类型' }), '下拉单选');
  await props.getByRole('button', { name: '添加列' }).click();
  await field('key').fill('relation');
  await field('label').fill('与申请人关系');
  await required();
  await props.getByLabel('选项1的值').fill('子女');
  await props.getByLabel('选项1的显示文字').fill('子女');
  await props.getByLabel('选项2的值').fill('其他');
  await props.getByLabel('选项2的显示文字').fill('其他');

  await props.getByRole('button', { name: '家庭成员', exact: true }).click();
  await pick(page, props.getByRole('combobox', { name: '新列类型' }), '单行文本');
  await props.getByRole('button', { name: '添加列' }).click();
  await field('key').fill('note');
  await field('label').fill('说明');
  await required();
  // the expression is checked as it is typed, with the engine's parser and its Chinese message
  await field('visibleWhen').fill("row.relation ==");
  await expect(props.getByText(/^表达式错误：/)).toBeVisible();
  await expect(page.getByText(/表单定义有 \d+ 个问题/)).toBeVisible();
  await field('visibleWhen').fill("row.relation == '其他'");
  await expect(props.getByText(/^表达式错误：/)).toHaveCount(0);

  // 成员人数 = number of rows, at the end of the section
  await outline.getByRole('button', { name: '分组 基本信息', exact: true }).click();
  await page.getByRole('button', { name: '添加数字' }).click();
  await field('key').fill('memberCount');
  await field('label').fill('成员人数');
  await field('compute').fill('len(members)');
  await expect(page.getByText('定义检查通过')).toBeVisible();

  await page.getByRole('button', { name: /保存草稿/ }).click();
  await expect(page).toHaveURL(/\/config\/forms\/[0-9a-f-]{36}$/);
  await expect(page.getByText('已保存草稿 v1')).toBeVisible();

  // live preview: bad data first
  const preview = page.getByRole('tabpanel', { name: '实时预览' });
  await expect(preview.getByLabel('成员人数')).toHaveValue('0');
  await preview.getByRole('button', { name: /添加一行/ }).click();
  await expect(preview.getByLabel('成员人数')).toHaveValue('1');
  await expect(preview.getByRole('textbox', { name: '说明（第1行）' })).toHaveCount(0);
  await pick(page, preview.getByRole('combobox', { name: '与申请人关系（第1行）' }), '其他');
  await expect(preview.getByRole('textbox', { name: '说明（第1行）' })).toBeVisible();

  await preview.locator('button', { hasText: /^校\s*验$/ }).click();
  const browserResult = preview.getByRole('region', { name: '浏览器校验结果' });
  const serverResult = preview.getByRole('region', { name: '服务端校验结果' });
  const expected = ['请填写申请人姓名', '请填写姓名', '请填写说明'];
  for (const box of [browserResult, serverResult]) {
    await expect(box.getByText('3 个错误')).toBeVisible();
    for (const m of expected) await expect(box.getByText(m)).toBeVisible();
  }
  await expect(serverResult).toContainText('v1 草稿');
  await expect(preview.getByRole('status')).toContainText('两端结果一致');
  // and the errors are under the fields
  await expect(preview.getByText('请填写申请人姓名').first()).toBeVisible();

  // fix it: both valid
  await preview.getByLabel('申请人姓名').fill('张三');
  await preview.getByRole('textbox', { name: '姓名（第1行）' }).fill('张小明');
  await preview.getByRole('textbox', { name: '说明（第1行）' }).fill('外甥');
  await preview.locator('button', { hasText: /^校\s*验$/ }).click();
  await expect(browserResult.getByText('通过')).toBeVisible();
  await expect(serverResult.getByText('通过')).toBeVisible();
  await expect(preview.getByRole('status')).toContainText('两端结果一致');

  // publish (with confirmation)
  await page.getByRole('button', { name: /发\s*布/ }).click();
  await page.getByRole('button', { name: /确认发布/ }).click();
  await expect(page.getByText('v1 已发布')).toBeVisible();
  await expect(page.getByText(/v1 已于 .* 发布，不能修改/)).toBeVisible();

  // the published form is served publicly and validated by the server with the same rules
  const served = await request.get(`/api/forms/${KEY}`);
  expect(served.ok()).toBe(true);
  const view = await served.json();
  expect(view).toMatchObject({ key: KEY, version: 1, status: 'published', title: '家庭成员登记表' });
  expect(view.definition.sections[0].fields.map((f: { key: string }) => f.key)).toEqual(['applicantName', 'members', 'memberCount']);

  const bad = await (await request.post(`/api/forms/${KEY}/validate`, { data: { data: { members: [{ relation: '其他' }] } } })).json();
  expect(bad.errors).toEqual([
    { path: 'applicantName', message: '请填写申请人姓名' },
    { path: 'members[0].memberName', message: '请填写姓名' },
    { path: 'members[0].note', message: '请填写说明' },
  ]);
  const good = await (await request.post(`/api/forms/${KEY}/validate`, {
    data: { data: { applicantName: '张三', members: [{ memberName: '张小明', relation: '子女', note: '隐藏时不提交' }], memberCount: 99 } },
  })).json();
  expect(good).toEqual({ ok: true, errors: [], values: { applicantName: '张三', members: [{ memberName: '张小明', relation: '子女' }], memberCount: 1 } });

  // the list shows it
  await page.goto('/config/forms');
  await expect(page.locator('.ant-table-tbody tr', { hasText: KEY }).first()).toContainText('已发布');
});
