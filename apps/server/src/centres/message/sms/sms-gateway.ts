import { maskPhone } from '@jsga/kernel';

/** The SMS gateway behind an interface: a logging adapter by default, an HTTP adapter by configuration. */
export interface SmsGateway {
  send(input: { phone: string; text: string; id: string }): Promise<{ providerMessageId: string }>;
}

type Log = { info: (obj: object, msg: string) => void };

/** Writes what it would send to the log (phone masked): the default in development and tests. */
export const createLoggingSmsGateway = (log: Log, sent?: Array<{ phone: string; text: string }>): SmsGateway => ({
  async send({ phone, text, id }) {
    sent?.push({ phone, text });
    log.info({ phone: maskPhone(phone), length: text.length, id }, '短信（日志网关，未实际发送）');
    return { providerMessageId: `log-${id}` };
  },
});

/** POSTs `{phone, text, id}` as JSON to a gateway URL; a non-2xx answer is a failure to retry. */
export const createHttpSmsGateway = (url: string, token?: string): SmsGateway => ({
  async send({ phone, text, id }) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ phone, text, id }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`短信网关返回 ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as { messageId?: string };
    return { providerMessageId: body.messageId ?? id };
  },
});
