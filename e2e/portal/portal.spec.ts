import { expect, test, type Page } from '@playwright/test';

/** 户口迁移审批 (wellKnownMatterCodes.hukouMigration), seeded in full by the matter centre. */
const HUKOU = 'JS-Z001';

async function runCollegeStudentGuide(page: Page) {
  await page.getByRole('button', { name: /在线导办/ }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/matters/${HUKOU}/guide$`));
  await page.getByRole('radiogroup', { name: '您办理户口迁移的原因是？' }).getByText('大中专院校学生（录取迁入或毕业迁出）').click();
  await page.getByRole('button', { name: '下一题' }).click();
  await page.getByRole('radiogroup', { name: /录取新生迁入学校/ }).getByText('录取新生，户口迁入学校集体户').click();
  await page.getByRole('button', { name: '下一题' }).click();
  await page.getByRole('radiogroup', { name: '迁移范围' }).getByText('江苏省内迁移').click();
  await page.getByRole('button', { name: '生成材料清单' }).click();

  await expect(page.getByText('一单告知：户口迁移审批')).toBeVisible();
  const materials = page.getByRole('region', { name: '需要准备的材料' });
  await expect(materials.getByText('录取通知书')).toBeVisible();
  await expect(materials.getByText('居民身份证', { exact: true })).toBeVisible();
  await expect(materials.getByText('毕业证书')).toHaveCount(0);
  await expect(page.getByText('录取院校须在江苏省内')).toBeVisible();
  await expect(page.getByRole('button', { name: /打印清单/ })).toBeVisible();
}

test.describe('[PORTAL] 公众门户, without logging in', () => {
  test('desktop: a mistyped keyword finds nothing but "您是不是要找" leads to the 户口迁移 guide; 在线导办 gives the college-student checklist', async ({ page }) => {
    await page.goto('/portal');
    await expect(page.getByRole('link', { name: '江苏公安政务服务' })).toBeVisible();
    await expect(page.getByRole('link', { name: '交管服务事项' })).toBeVisible();
    await expect(page.getByRole('link', { name: '长三角专区' })).toBeVisible();
    await expect(page.getByRole('region', { name: '热门事项' }).getByRole('link', { name: '户口迁移审批', exact: true })).toBeVisible();

    // search results for the mistyped name: the catalogue finds nothing, the suggestions do
    const search = page.getByRole('combobox', { name: '搜索办事事项' }).first();
    await search.fill('户口迁徙');
    await page.getByRole('button', { name: /搜\s*索/ }).first().click();
    await expect(page).toHaveURL(/\/portal\/search\?q=/);
    await expect(page.getByText('没有找到与“户口迁徙”相关的事项，请换个关键字或减少筛选条件')).toBeVisible();
    const hint = page.locator('.ant-alert', { hasText: '您是不是要找' });
    await hint.getByRole('link', { name: '户口迁移审批' }).click();

    await expect(page).toHaveURL(new RegExp(`/portal/matters/${HUKOU}$`));
    await expect(page.getByRole('heading', { name: '户口迁移审批' })).toBeVisible();
    await expect(page.getByRole('region', { name: '申请材料' }).getByText('录取通知书')).toBeVisible();
    await expect(page.getByRole('navigation', { name: '指南目录' })).toBeVisible();
    await expect(page.getByText('手机扫码查看')).toBeVisible();
    await expect(page.getByText('毕业证书尚未发放的，可先凭学校出具的毕业证明容缺受理，30日内补交').first()).toBeVisible();
    await runCollegeStudentGuide(page);
  });

  test.describe('phone', () => {
    test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

    test('375px: suggestions while typing a mistyped name open the guide; 在线导办 fits the screen', async ({ page }) => {
      await page.goto('/portal');
      const search = page.getByRole('combobox', { name: '搜索办事事项' }).first();
      await search.fill('户口迁徙');
      await page.locator('.ant-select-item-option', { hasText: '户口迁移审批' }).first().click();
      await expect(page).toHaveURL(new RegExp(`/portal/matters/${HUKOU}$`));
      await expect(page.getByRole('heading', { name: '户口迁移审批' })).toBeVisible();
      // sections collapse on a phone; the materials are open
      await expect(page.getByRole('region', { name: '申请材料' }).getByText('录取通知书')).toBeVisible();
      const noSideways = () => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1');
      expect(await noSideways()).toBe(true);

      await runCollegeStudentGuide(page);
      expect(await noSideways()).toBe(true);
    });
  });
});
