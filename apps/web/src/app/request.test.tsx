import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { setFeedback, type MessageApi, type NotificationApi } from './feedback';
import { showFormError } from './form-errors';
import { api, ApiError, getToken, setToken, setUnauthorizedHandler, toNamePath } from './request';

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const message = { error: vi.fn(), warning: vi.fn(), success: vi.fn(), info: vi.fn() };
const notification = { error: vi.fn() };

beforeEach(() => {
  setFeedback({ message: message as unknown as MessageApi, notification: notification as unknown as NotificationApi });
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

describe('request layer', () => {
  it('sends the bearer token and JSON body, and returns the parsed JSON', async () => {
    setToken('tok-1');
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);

    await expect(api.post('/api/x', { a: 1 })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/x');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
    expect(init.body).toBe('{"a":1}');
  });

  it('drops empty query parameters', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(200, { items: [], total: 0 }));
    vi.stubGlobal('fetch', fetchMock);
    await api.get('/api/admin/identity/users', { page: 2, pageSize: 20, keyword: '', orgId: undefined });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/admin/identity/users?page=2&pageSize=20');
  });

  it('maps an INVALID_INPUT body to an ApiError carrying field errors, without a global message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        jsonResponse(400, {
          code: 'COMMON_VALIDATION_FAILED',
          message: '输入有误',
          traceId: 't-400',
          details: { fields: [{ path: 'body.username', message: '用户名已存在' }, { path: 'body.positions.0.roleIds', message: '岗位至少分配一个角色' }] },
        }),
      ),
    );
    const err = await api.post('/api/admin/identity/users', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const apiErr = err as ApiError;
    expect(apiErr.status).toBe(400);
    expect(apiErr.handled).toBe(false);
    expect(apiErr.isInvalidInput).toBe(true);
    expect(apiErr.fieldErrors).toEqual([
      { path: 'body.username', message: '用户名已存在' },
      { path: 'body.positions.0.roleIds', message: '岗位至少分配一个角色' },
    ]);
    // the request part (body/query/params) is not a form field
    expect(toNamePath('body.positions.0.roleIds')).toEqual(['positions', 0, 'roleIds']);
    expect(toNamePath('positions[1].title')).toEqual(['positions', 1, 'title']);
    expect(message.error).not.toHaveBeenCalled();
  });

  it('shows INVALID_INPUT field errors under the matching form inputs', async () => {
    let formRef: FormInstance | undefined;
    function TestForm() {
      const [form] = Form.useForm();
      formRef = form;
      return (
        <Form form={form}>
          <Form.Item name="username" label="用户名">
            <Input />
          </Form.Item>
          <Form.List name="positions" initialValue={[{ title: '受理岗' }]}>
            {(fields) =>
              fields.map((f) => (
                <Form.Item key={f.key} name={[f.name, 'title']} label="岗位名称">
                  <Input />
                </Form.Item>
              ))
            }
          </Form.List>
        </Form>
      );
    }
    render(<TestForm />);
    const error = new ApiError({
      status: 400,
      code: 'INVALID_INPUT',
      message: '输入有误',
      details: { fields: [{ path: 'body.username', message: '用户名已存在' }, { path: 'body.positions.0.title', message: '岗位名称过长' }, { path: 'body.nope', message: '未知字段错误' }] },
    });
    act(() => showFormError(formRef!, error));
    expect(await screen.findByText('用户名已存在')).toBeTruthy();
    expect(await screen.findByText('岗位名称过长')).toBeTruthy();
    expect(formRef!.getFieldError(['positions', 0, 'title'])).toEqual(['岗位名称过长']);
    // an error that matches no input still reaches the user
    expect(message.error).toHaveBeenCalledWith('输入有误：未知字段错误');
  });

  it('on 401 clears the token and hands over to the unauthorized handler', async () => {
    setToken('expired');
    const handler = vi.fn();
    const restore = setUnauthorizedHandler(handler);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(401, { code: 'AUTH_SESSION_INVALID', message: '登录已失效，请重新登录', traceId: 't-401' })));
    try {
      const err = (await api.get('/api/auth/me').catch((e: unknown) => e)) as ApiError;
      expect(err.code).toBe('AUTH_SESSION_INVALID');
      expect(handler).toHaveBeenCalledTimes(1);
    } finally {
      restore();
    }
  });

  it('keeps the session when the caller opts out of the auth redirect (login form)', async () => {
    const handler = vi.fn();
    const restore = setUnauthorizedHandler(handler);
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(401, { code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误', traceId: 't' })));
    try {
      const err = (await api.post('/api/auth/login', {}, { authRedirect: false, silent: true }).catch((e: unknown) => e)) as ApiError;
      expect(err.message).toBe('用户名或密码错误');
      expect(handler).not.toHaveBeenCalled();
      expect(message.warning).not.toHaveBeenCalled();
    } finally {
      restore();
    }
  });

  it('does not end the session for AUTH_ codes that are plain input or permission errors', async () => {
    setToken('valid');
    const handler = vi.fn();
    const restore = setUnauthorizedHandler(handler);
    try {
      vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(400, { code: 'AUTH_PASSWORD_WRONG', message: '原密码不正确', traceId: 't' })));
      const wrong = (await api.post('/api/auth/change-password', {}, { silent: true }).catch((e: unknown) => e)) as ApiError;
      expect(wrong.isInvalidInput).toBe(true);
      expect(wrong.handled).toBe(false); // left to the form

      vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(403, { code: 'AUTH_POSITION_NOT_HELD', message: '您不在该岗位上', traceId: 't' })));
      await api.post('/api/auth/switch-position', { positionId: 'x' }).catch(() => undefined);
      expect(message.error).toHaveBeenCalledWith('您不在该岗位上');

      expect(handler).not.toHaveBeenCalled();
      expect(getToken()).toBe('valid');
    } finally {
      restore();
    }
  });

  it('default 401 handling removes the stored token', async () => {
    setToken('expired');
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, pathname: '/login', search: '', assign });
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(401, { code: 'AUTH_UNAUTHENTICATED', message: '未登录', traceId: 't' })));
    await api.get('/api/auth/me').catch(() => undefined);
    await waitFor(() => expect(getToken()).toBeNull());
  });

  it('shows other 4xx as a message and 5xx as a notification with the trace id', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(409, { code: 'CONFLICT', message: '机构代码已存在', traceId: 't-409' })));
    const conflict = (await api.post('/api/admin/identity/orgs', {}).catch((e: unknown) => e)) as ApiError;
    expect(conflict.handled).toBe(true);
    expect(message.error).toHaveBeenCalledWith('机构代码已存在');

    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(500, { code: 'INTERNAL', message: '服务器内部错误', traceId: 'abc123' })));
    await api.get('/api/admin/audit/logs').catch(() => undefined);
    expect(notification.error).toHaveBeenCalledWith(expect.objectContaining({ message: '服务器内部错误', description: '追踪号: abc123' }));
  });
});
