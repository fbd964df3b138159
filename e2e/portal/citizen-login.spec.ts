import { expect, test } from '@playwright/test';
import { DEMO_CITIZEN, freshPhone as nextPhone, signInCitizenBySms as signInBySms } from '../support';

/** The demo family of the seed data (README): registry persons holding a 居民身份证. */
const CITIZEN = DEMO_CITIZEN;
const SPOUSE = { name: '李晓雯', idNo: '320102199004120020' };
const PHONE_VIEWPORT = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

test.describe('[PORTAL] 公众登录 (苏证通)', () => {
  test('SMS: 个人中心 asks for login; the demo citizen signs in with the demo code, authorises identity verification, acts for the company, signs out', async ({ page }) => {
    await page.goto('/portal/account');
    await expect(page).toHaveURL(/\/portal\/login\?redirect=%2Fportal%2Faccount$/);
    await expect(page.getByRole('tab', { name: /扫码登录/ })).toHaveAttribute('aria-selected', 'true'); // a computer starts with the code
    await page.getByRole('tab', { name: /短信验证码登录/ }).click();
    await expect(page.getByText(/演示数据：张明远 320102198807150034/)).toBeVisible();
    await signInBySms(page, CITIZEN, nextPhone(), /^登\s*录$/);

    await expect(page).toHaveURL(/\/portal\/account$/);
    await expect(page.getByRole('heading', { name: '个人中心' })).toBeVisible();
    await expect(page.getByText('320102********0034')).toBeVisible();
    await expect(page.getByRole('button', { name: /用户菜单：张明远/ })).toBeVisible();

    // 身份核验授权 (withdrawn first if an earlier attempt of this test gave it)
    const withdraw = page.getByRole('button', { name: '撤回授权' });
    if (await withdraw.isVisible()) {
      await withdraw.click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /撤\s*回/ }).click();
    }
    await page.getByRole('button', { name: /^授\s*权$/ }).click();
    const dialog = page.getByRole('dialog', { name: /授权身份核验/ });
    await expect(dialog.getByText(/同意本平台向公安人口信息库、电子证照库核验您的身份/)).toBeVisible();
    await dialog.getByRole('button', { name: '同意并继续' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('已授权', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '撤回授权' })).toBeVisible();

    // 办事身份: the seeded company, as its 法定代表人
    const identity = page.getByRole('radiogroup', { name: '办事身份' });
    await identity.getByText(/（法定代表人）$/).click();
    await expect(page.getByText(/^经办人授权 · /)).toBeVisible();
    await expect(page.getByRole('button', { name: /用户菜单：张明远（.+）/ })).toBeVisible();
    await identity.getByText('个人（张明远）').click();
    await expect(page.getByText(/^经办人授权 · /)).toHaveCount(0);

    await page.getByRole('button', { name: /用户菜单：张明远/ }).click();
    await page.getByRole('menuitem', { name: /退出登录/ }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByRole('link', { name: /登\s*录/ })).toBeVisible();
  });

  test('QR: the computer shows a code; a phone signed in by SMS scans and confirms; the computer is signed in as that person', async ({ browser }) => {
    const computer = await browser.newContext();
    const phone = await browser.newContext(PHONE_VIEWPORT);
    try {
      const pageA = await computer.newPage();
      await pageA.goto('/portal/login?redirect=%2Fportal%2Faccount');
      await expect(pageA.getByRole('tab', { name: /扫码登录/ })).toHaveAttribute('aria-selected', 'true');
      const code = pageA.getByRole('region', { name: '登录二维码' });
      await expect(code).toHaveAttribute('data-ticket-url', /\/portal\/scan\/[0-9a-f-]{36}$/);
      const ticketUrl = (await code.getAttribute('data-ticket-url'))!;
      await expect(pageA.getByRole('link', { name: '在本机打开' })).toHaveAttribute('href', ticketUrl);
      await expect(pageA.getByText('请使用苏证通 App 扫一扫登录')).toBeVisible();

      const pageB = await phone.newPage();
      await pageB.goto(ticketUrl);
      await expect(pageB.getByText('请先在手机上登录，再确认电脑端的登录请求。')).toBeVisible();
      await signInBySms(pageB, SPOUSE, nextPhone(), /登录并继续/);
      await expect(pageB.getByText('您正在登录 江苏公安政务服务网（电脑端）')).toBeVisible();
      await expect(pageB.locator('.ant-descriptions').getByText('李晓雯', { exact: true })).toBeVisible();
      expect(await pageB.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);

      await expect(pageA.getByText('已扫码，请在手机上确认').first()).toBeVisible();
      await pageB.getByRole('button', { name: '确认登录' }).click();
      await expect(pageB.getByText('已确认登录，请在电脑上继续')).toBeVisible();

      await expect(pageA).toHaveURL(/\/portal\/account$/);
      await expect(pageA.getByText('320102********0020')).toBeVisible();
      await expect(pageA.getByText('扫码登录', { exact: true })).toBeVisible(); // 登录方式
      await expect(pageA.getByRole('button', { name: /用户菜单：李晓雯/ })).toBeVisible();
    } finally {
      await computer.close();
      await phone.close();
    }
  });
});
