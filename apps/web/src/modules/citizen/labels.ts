import type { CitizenMeView } from '@jsga/contracts';
import { isApiError, toNamePath } from '../../app/request';

export const CONSENT_TEXT = '同意本平台向公安人口信息库、电子证照库核验您的身份并调取您名下的电子证照用于办事材料免提交和表单自动填写';

export const authLevelLabels: Record<number, string> = { 1: '实名（人口库核验）', 2: '实人（人脸核验）', 3: '网证（苏证通）' };
export const authLevelLabel = (level: number) => authLevelLabels[level] ?? `${level}级`;

export const loginMethodLabels: Record<CitizenMeView['loginMethod'], string> = { sms: '短信验证码', qr: '扫码登录', app: '苏证通 App' };

/** The demo citizen of the seed data (README): a registry person holding e-licences and a company. */
export const DEMO_PERSON = { name: '张明远', idNo: '320102198807150034' } as const;

export const DEFAULT_AFTER_LOGIN = '/portal/my';

/** Where to go after signing in: a portal page of this site only (no other host, not the login again). */
export function safePortalRedirect(target: string | null | undefined, fallback = DEFAULT_AFTER_LOGIN): string {
  if (!target || !/^\/portal(?:[/?#]|$)/.test(target)) return fallback;
  if (/^\/portal\/login(?:[/?#]|$)/.test(target)) return fallback;
  return target;
}

/** The portal login, coming back to `here` afterwards (not when `here` is the portal home or the login). */
export function portalLoginPath(here: string): string {
  if (here === '/portal' || here === '/portal/' || here.startsWith('/portal/login')) return '/portal/login';
  return `/portal/login?redirect=${encodeURIComponent(here)}`;
}

/** A refusal as shown on a form: errors under named inputs, and the rest as one Alert text. */
export type PlacedError<K extends string> = { fields: { name: K; errors: string[] }[]; alert: string | null };

/**
 * Splits a failed call: `details.fields` (`body.idNo`) go under the matching inputs; `codeFields`
 * names the input for codes without field details (CITIZEN_SMS_CODE_WRONG → code), and
 * `details.field` does the same; the rest becomes one Alert text.
 */
export function placeError<K extends string>(e: unknown, known: readonly K[], codeFields: Partial<Record<string, K>> = {}): PlacedError<K> {
  if (!isApiError(e)) return { fields: [], alert: '操作失败，请稍后重试' };
  const isKnown = (s: unknown): s is K => typeof s === 'string' && (known as readonly string[]).includes(s);
  const target = codeFields[e.code];
  if (target) return { fields: [{ name: target, errors: [e.message] }], alert: null };
  const fields: PlacedError<K>['fields'] = [];
  const rest: string[] = [];
  for (const fe of e.fieldErrors) {
    const path = toNamePath(fe.path);
    const name = path.length === 1 ? path[0] : null;
    if (isKnown(name)) {
      const same = fields.find((f) => f.name === name);
      if (same) same.errors.push(fe.message);
      else fields.push({ name, errors: [fe.message] });
    } else rest.push(fe.message);
  }
  const fieldOfDetails = (e.details as { field?: unknown } | undefined)?.field;
  if (fields.length === 0 && rest.length === 0 && isKnown(fieldOfDetails)) return { fields: [{ name: fieldOfDetails, errors: [e.message] }], alert: null };
  if (fields.length > 0 && rest.length === 0) return { fields, alert: null };
  return { fields, alert: rest.length ? `${e.message}：${rest.join('；')}` : e.message };
}
