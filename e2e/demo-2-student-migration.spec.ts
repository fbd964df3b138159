import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { loginAs } from './support';

/**
 * Acceptance demonstration 2: 大中专院校学生户口迁移 at the window of 新街口派出所. The officer picks the
 * matter, answers the situation questions and watches the checklist follow; a student already in a
 * school's collective household is stopped with the reason; an admitted freshman from 昆山 is accepted
 * with his materials; 玄武分局 sends it back once with a reason, approves after the correction; the
 * registry shows him in the 东南大学学生集体户 and the documents print as PDF.
 * The people are the demo registry's (apps/server/src/modules/hukou/testing/demo-registry.fixture.ts).
 */
const FRESHMAN = { name: '王小明', idNo: '320583200803151013' };
const ENROLLED = { name: '赵一鸣', idNo: '320102200605212014' };
const MATTER = 'JS-Z001';

const pdf = { name: 'notice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') };

async function openCreateDrawer(page: Page) {
  await page.goto('/handling/cases');
  await page.getByRole('button', { name: /登记办件/ }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.getByRole('combobox', { name: '事项' }).fill(MATTER);
  await page.locator('.ant-select-item-option', { hasText: `（${MATTER}）` }).click();
  await expect(drawer.getByText(/现行版本 v\d+/)).toBeVisible();
  return drawer;
}

const checklistOf = (drawer: Locator) => drawer.getByRole('region', { name: '一单告知材料' });

async function answerEnrolment(drawer: Locator) {
  const situations = drawer.getByRole('group', { name: '情形选择' });
  await situations.getByText('大中专院校学生（录取迁入或毕业迁出）').click();
  await situations.getByText('录取新生，户口迁入学校集体户').click();
  await situations.getByText('江苏省内迁移').click();
}

async function applicant(drawer: Locator, who: { name: string; idNo: string }) {
  await drawer.getByLabel('申请人姓名').first().fill(who.name);
  await drawer.getByLabel('公民身份号码').first().fill(who.idNo);
  await drawer.getByLabel('联系电话').first().fill('13951001234');
}

/** Each officer in a browser of their own, as at two desks. */
async function deskOf(browser: Browser, username: string) {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await loginAs(page, username);
  return page;
}

/** 审核审批 → 通过 on the case page, with the opinion. */
async function approveStep(page: Page, caseNo: string, step: string, opinion: string) {
  await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '审核审批' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: caseNo });
  await expect(dialog).toContainText(step);
  await dialog.getByText('通过', { exact: true }).click();
  await dialog.getByLabel('审核审批意见').fill(opinion);
  await dialog.getByRole('button', { name: /确\s*认/ }).click();
  await expect(dialog).toHaveCount(0);
}

/** 登记 in the drawer's header. */
const submitDrawer = (page: Page) => page.locator('.ant-drawer-extra').getByText(/^登\s*记$/).click();

async function pickSelect(page: Page, field: Locator, option: string) {
  await field.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function pickRegion(page: Page, field: Locator, search: string, option: RegExp) {
  await field.click();
  await field.fill(search);
  await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: option }).first().click();
}

/** The 户口迁移申请表 of a freshman admitted by 东南大学, moving in from 昆山. */
async function fillEnrolmentForm(page: Page, drawer: Locator, who: { name: string; idNo: string }) {
  await drawer.getByLabel('申请人姓名').nth(1).fill(who.name);
  await drawer.getByLabel('公民身份号码').nth(1).fill(who.idNo);
  await drawer.getByLabel('联系电话').nth(1).fill('13951001234');
  await pickSelect(page, drawer.getByLabel('民族'), '汉族');
  await pickSelect(page, drawer.getByLabel('迁移原因'), '大中专院校学生');
  const choose = (group: string, option: string) => drawer.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option, exact: true }).check();
  await choose('学生类别', '录取新生，户口迁入学校集体户');
  await choose('迁移范围', '江苏省内迁移');
  await pickRegion(page, drawer.getByLabel('迁出地行政区划'), '昆山', /昆山/);
  await drawer.getByLabel('迁出地详细地址').fill('江苏省昆山市玉山镇人民路88号');
  await pickRegion(page, drawer.getByLabel('迁入地行政区划'), '玄武', /玄武/);
  await drawer.getByLabel('迁入地详细地址').fill('江苏省南京市玄武区四牌楼2号');
  await choose('迁入户类别', '集体户');
  await drawer.getByLabel('录取院校').fill('东南大学');
  await drawer.getByLabel('录取通知书编号').fill('DNDX2026103281');
  await pickRegion(page, drawer.getByLabel('院校所在地行政区划'), '玄武', /玄武/);
  await pickSelect(page, drawer.getByLabel('学历层次'), '本科');
}

test('[DEMO-2] 大中专院校学生户口迁移: situations, eligibility, acceptance, return and approval, registry, print', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await deskOf(browser, 'xinjiekou');
  const drawer = await openCreateDrawer(page);

  // the checklist follows the answers
  const checklist = checklistOf(drawer);
  const situations = drawer.getByRole('group', { name: '情形选择' });
  await situations.getByText('大中专院校学生（录取迁入或毕业迁出）').click();
  await situations.getByText('毕业生，户口迁出学校').click();
  await expect(checklist).toContainText('请继续选择情形');
  await situations.getByText('江苏省内迁移').click();
  await expect(checklist.getByText('毕业证书', { exact: true })).toBeVisible();
  await expect(checklist.getByText('录取通知书', { exact: true })).toHaveCount(0);
  await situations.getByText('录取新生，户口迁入学校集体户').click();
  await expect(checklist.getByText('录取通知书', { exact: true })).toBeVisible();
  await expect(checklist.getByText('毕业证书', { exact: true })).toHaveCount(0);
  await expect(checklist).toContainText('申请人户口已在学校学生集体户，不能重复办理录取迁入');
  // a student whose 户口 is already in a school's collective household is stopped, with the reason
  await applicant(drawer, ENROLLED);
  await fillEnrolmentForm(page, drawer, ENROLLED);
  await submitDrawer(page);
  await expect(drawer.getByText('未能登记：申请人户口已在学校学生集体户，不能重复办理录取迁入')).toBeVisible();

  // the admitted freshman is registered with his materials uploaded
  await applicant(drawer, FRESHMAN);
  await drawer.getByLabel('申请人姓名').nth(1).fill(FRESHMAN.name);
  await drawer.getByLabel('公民身份号码').nth(1).fill(FRESHMAN.idNo);
  for (const code of ['ADMISSION_NOTICE', 'APPLICATION_FORM']) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), drawer.getByRole('button', { name: `上传${code}` }).click()]);
    await chooser.setFiles({ ...pdf, name: `${code}.pdf` });
    await expect(drawer.getByText(`${code}.pdf`)).toBeVisible();
  }
  await submitDrawer(page);
  await expect(page).toHaveURL(/\/handling\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = page.url();
  const heading = page.getByRole('heading', { level: 1, name: /^办件 / });
  const caseNo = (await heading.textContent())!.replace('办件 ', '').trim();

  // 受理
  const actions = page.getByRole('toolbar', { name: '办理操作' });
  await actions.getByRole('button', { name: '受理', exact: true }).click();
  const acceptDialog = page.getByRole('dialog').filter({ hasText: `受理 · ${caseNo}` });
  await acceptDialog.getByRole('button', { name: '确认受理' }).click();
  await expect(page.locator('.ant-page-header-heading-sub-title').getByText('已受理')).toBeVisible();

  // 玄武分局 sends it back once, with the reason
  const approver = await deskOf(browser, 'xuanwu');
  await approver.goto(caseUrl);
  await approver.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: /退\s*回/ }).click();
  const returnDialog = approver.getByRole('dialog').filter({ hasText: `退回 · ${caseNo}` });
  await returnDialog.locator('.ant-select-selector').last().click();
  await approver.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '受理' }).first().click();
  await expect(returnDialog.locator('.ant-select-selector').last()).toHaveText('受理');
  await returnDialog.getByLabel('退回理由').fill('录取通知书编号与学校系统记录不一致，请核对更正');
  await returnDialog.getByRole('button', { name: '确认退回' }).click();
  await expect(returnDialog).toHaveCount(0);

  // the window sees why and corrects it
  await page.goto(caseUrl);
  await page.getByRole('tab', { name: /办理过程/ }).click();
  await expect(page.getByRole('list', { name: '办理过程' })).toContainText('录取通知书编号与学校系统记录不一致，请核对更正');
  await page.getByRole('tab', { name: /^申请表/ }).click();
  await page.getByLabel('录取通知书编号').fill('DNDX2026103282');
  await expect(page.getByRole('tab', { name: '申请表（已修改）' })).toBeVisible();
  await page.getByRole('tab', { name: /^办理/ }).first().click();
  await approveStep(page, caseNo, '受理', '已核对更正录取通知书编号');

  // 审核 and 审批 at 玄武分局
  for (const step of ['审核', '审批']) {
    await approver.goto(caseUrl);
    await approveStep(approver, caseNo, step, '同意');
  }
  await expect(approver.locator('.ant-page-header-heading-sub-title').getByText('已办结')).toBeVisible();

  // the registry shows the move
  await page.goto('/hukou/persons');
  await page.getByLabel('公民身份号码').fill(FRESHMAN.idNo);
  await page.keyboard.press('Enter');
  const row = page.locator('.ant-table-tbody tr', { hasText: FRESHMAN.name }).first();
  await expect(row).toContainText('010290001');
  await row.click();
  const personDrawer = page.locator('.ant-drawer-content').last();
  await expect(personDrawer).toContainText('江苏省南京市玄武区四牌楼2号');
  await expect(personDrawer).toContainText('迁入');
  await expect(personDrawer).toContainText(caseNo);

  // the correction was kept, and the documents print as PDF
  await page.goto(caseUrl);
  await page.getByRole('tab', { name: /^申请表/ }).click();
  await expect(page.getByLabel('录取通知书编号')).toHaveValue('DNDX2026103282');
  await page.getByRole('button', { name: /打印文书/ }).click();
  await page.getByRole('menuitem', { name: '准予迁入证明' }).click();
  await expect(page.locator('iframe[title="准予迁入证明"]')).toBeVisible();
  await expect(page.getByRole('link', { name: '下载' })).toHaveAttribute('download', `准予迁入证明-${caseNo}.pdf`);
});
