import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Jsga@2026';

/** Logs in through the login page, as a user would, and waits for the workbench. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/workbench/);
}

/** The demo citizen of the seed data (README): 张明远, holder of a 居民身份证, 户口簿 and 驾驶证. */
export const DEMO_CITIZEN = { name: '张明远', idNo: '320102198807150034' };

/** A phone number of its own per call: the server allows one SMS code per number a minute. */
let phoneSeq = 0;
export const freshPhone = () => `139${String((Date.now() + phoneSeq++ * 7919) % 100_000_000).padStart(8, '0')}`;

/** 短信验证码登录 on the form shown (the login page's tab or the phone's scan page), with the code demo mode shows. */
export async function signInCitizenBySms(page: Page, person: { name: string; idNo: string }, phone: string, submit: RegExp = /^登\s*录$/) {
  await page.getByLabel('姓名', { exact: true }).fill(person.name);
  await page.getByLabel('公民身份号码', { exact: true }).fill(person.idNo);
  await page.getByLabel('手机号', { exact: true }).fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText(/^演示模式：验证码 \d{6}$/)).toBeVisible();
  await page.getByRole('button', { name: '填入' }).click();
  await expect(page.getByLabel('验证码', { exact: true })).toHaveValue(/^\d{6}$/);
  await page.getByRole('button', { name: submit }).click();
}
