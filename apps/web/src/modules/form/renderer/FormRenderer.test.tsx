import { createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { validateSubmission, type FieldAccess, type FormDefinition } from '@jsga/form-engine';
import { FormRenderer, type FormLayout, type FormRendererHandle, type FormValues } from './FormRenderer';

const today = '2026-03-01';

/** 家庭成员 sub-table with a linkage rule inside the row, a computed count, and a top-level linkage. */
const familyForm: FormDefinition = {
  key: 'family', title: '家庭情况登记表',
  sections: [{
    key: 'main', title: '申请人',
    fields: [
      { key: 'name', label: '姓名', type: 'text', required: true },
      { key: 'idNo', label: '公民身份号码', type: 'idNo', required: true },
      { key: 'married', label: '婚姻状况', type: 'radio', options: [{ value: 'single', label: '未婚' }, { value: 'married', label: '已婚' }] },
      { key: 'spouseName', label: '配偶姓名', type: 'text', visibleWhen: "married == 'married'", required: true },
      {
        key: 'members', label: '家庭成员', type: 'group', maxItems: 3,
        fields: [
          { key: 'memberName', label: '成员姓名', type: 'text', required: true },
          { key: 'relation', label: '与申请人关系', type: 'select', required: true, options: [{ value: '子女', label: '子女' }, { value: '其他', label: '其他' }] },
          { key: 'note', label: '说明', type: 'text', visibleWhen: "row.relation == '其他'", required: true },
        ],
      },
      { key: 'memberCount', label: '成员人数', type: 'number', compute: 'len(members)' },
    ],
  }],
};

function renderForm(props: { layout?: FormLayout; access?: FieldAccess; previous?: FormValues; defaultValue?: FormValues } = {}) {
  const ref = createRef<FormRendererHandle>();
  const changes: FormValues[] = [];
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AntApp>
      <QueryClientProvider client={client}>
        <FormRenderer ref={ref} definition={familyForm} today={today} onChange={(v) => changes.push(v)} {...props} />
      </QueryClientProvider>
    </AntApp>,
  );
  return { ref, changes };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }));
  const items = await screen.findAllByTitle(option);
  fireEvent.click(items[items.length - 1]);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('FormRenderer', () => {
  it('shows a field only while its visibility rule holds, also per sub-table row', async () => {
    renderForm();
    expect(screen.queryByLabelText('配偶姓名')).toBeNull();
    fireEvent.click(screen.getByLabelText('已婚'));
    expect(await screen.findByLabelText('配偶姓名')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('未婚'));
    await waitFor(() => expect(screen.queryByLabelText('配偶姓名')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: /添加一行/ }));
    expect(screen.queryByLabelText('说明（第1行）')).toBeNull();
    await pick('与申请人关系（第1行）', '其他');
    expect(await screen.findByLabelText('说明（第1行）')).toBeTruthy();
    await pick('与申请人关系（第1行）', '子女');
    await waitFor(() => expect(screen.queryByLabelText('说明（第1行）')).toBeNull());
  });

  it('adds and removes sub-table rows and keeps the computed count up to date', async () => {
    const { changes } = renderForm({ layout: 'desktop' });
    const count = () => (screen.getByLabelText('成员人数') as HTMLInputElement).value;
    expect(count()).toBe('0');
    const add = screen.getByRole('button', { name: /添加一行/ });
    fireEvent.click(add);
    fireEvent.click(add);
    expect(await screen.findByLabelText('成员姓名（第2行）')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(3); // header + 2 rows: the desktop table
    await waitFor(() => expect(count()).toBe('2'));
    type('成员姓名（第2行）', '王小明');
    expect(changes.at(-1)).toMatchObject({ members: [{}, { memberName: '王小明' }], memberCount: 2 });

    fireEvent.click(screen.getByRole('button', { name: '删除家庭成员第1行' }));
    await waitFor(() => expect(count()).toBe('1'));
    expect((screen.getByLabelText('成员姓名（第1行）') as HTMLInputElement).value).toBe('王小明');
    // maxItems: 3 rows at most
    fireEvent.click(add);
    fireEvent.click(add);
    await waitFor(() => expect(screen.getByRole('button', { name: /添加一行/ }).hasAttribute('disabled')).toBe(true));
  });

  it('shows required and ID number errors in Chinese under their fields, the same the engine (and server) reports', async () => {
    const { ref } = renderForm();
    // a field left after focusing it says so at once
    fireEvent.blur(screen.getByLabelText('姓名'));
    expect(await screen.findByText('请填写姓名')).toBeTruthy();

    type('公民身份号码', '110105194912310021');
    fireEvent.click(screen.getByRole('button', { name: /添加一行/ }));
    let result!: ReturnType<FormRendererHandle['validate']>;
    act(() => {
      result = ref.current!.validate();
    });
    const engine = validateSubmission(familyForm, ref.current!.getValues(), { today });
    expect(result).toEqual(engine);
    expect(result.errors).toEqual([
      { path: 'name', message: '请填写姓名' },
      { path: 'idNo', message: '公民身份号码校验位不正确' },
      { path: 'members[0].memberName', message: '请填写成员姓名' },
      { path: 'members[0].relation', message: '请填写与申请人关系' },
    ]);
    const summary = await screen.findByText('有 4 处需要修改');
    expect(summary).toBeTruthy();
    expect(screen.getAllByText('公民身份号码校验位不正确').length).toBeGreaterThan(0);
    expect(within(screen.getAllByRole('alert')[0]).getByText('家庭成员第1行 · 成员姓名')).toBeTruthy();

    // fixing clears the errors live
    type('姓名', '张三');
    type('公民身份号码', '11010519491231002X');
    await waitFor(() => expect(screen.queryByText('公民身份号码校验位不正确')).toBeNull());
    expect(screen.getByText('1949-12-31 · 女')).toBeTruthy();
  });

  it('applies the node access: read-only fields show the stored value, hidden ones are not shown and keep their value', async () => {
    const previous = { name: '李四', idNo: '11010519491231002X', members: [{ memberName: '李小', relation: '其他', note: '侄子' }] };
    const { ref } = renderForm({ access: { name: 'readonly', idNo: 'hidden', members: 'readonly' }, previous, defaultValue: previous });
    const name = screen.getByLabelText('姓名') as HTMLInputElement;
    expect(name.readOnly).toBe(true);
    expect(name.value).toBe('李四');
    expect(screen.queryByLabelText('公民身份号码')).toBeNull();
    // a read-only sub-table: its cells are read-only too, no rows can be added or removed
    expect((screen.getByLabelText('说明（第1行）') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('与申请人关系（第1行）') as HTMLInputElement).value).toBe('其他');
    expect(screen.queryByRole('button', { name: /添加一行/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /删除家庭成员/ })).toBeNull();
    let result!: ReturnType<FormRendererHandle['validate']>;
    act(() => {
      result = ref.current!.validate();
    });
    expect(result.ok).toBe(true);
    expect(result.values).toMatchObject({ name: '李四', idNo: '11010519491231002X', members: previous.members, memberCount: 1 });
  });

  it('is controlled when given a value', async () => {
    function Controlled() {
      const [v, setV] = useState<FormValues>({ name: '初始' });
      return (
        <QueryClientProvider client={new QueryClient()}>
          <FormRenderer definition={familyForm} today={today} value={v} onChange={setV} />
          <output data-testid="json">{JSON.stringify(v)}</output>
        </QueryClientProvider>
      );
    }
    render(<Controlled />);
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('初始');
    await waitFor(() => expect(JSON.parse(screen.getByTestId('json').textContent!)).toMatchObject({ memberCount: 0 }));
    type('姓名', '王五');
    expect(JSON.parse(screen.getByTestId('json').textContent!)).toMatchObject({ name: '王五', memberCount: 0 });
  });

  it('uploads attachments to the files centre (multipart) and keeps their ids; shows GB/T 2260 region names', async () => {
    const FILE = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/files/' && init?.method === 'POST') {
        return new Response(JSON.stringify({ id: FILE, fileName: '户口簿.pdf', size: 4, mime: 'application/pdf', type: 'pdf', sha256: 'x', sm3: 'y', createdAt: '2026-03-01T00:00:00+08:00' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      return new Response('{}', { status: 404 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const def: FormDefinition = { key: 'att', title: '材料', sections: [{ key: 'm', title: '材料', fields: [
      { key: 'files', label: '户口簿', type: 'attachments', required: true, maxFiles: 2, accept: ['pdf'] },
      { key: 'region', label: '户籍地', type: 'region', required: true },
    ] }] };
    const ref = createRef<FormRendererHandle>();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <FormRenderer ref={ref} definition={def} today={today} defaultValue={{ region: '320102' }} />
      </QueryClientProvider>,
    );
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.accept).toBe('.pdf');
    fireEvent.change(input, { target: { files: [new File(['%PDF'], '户口簿.pdf', { type: 'application/pdf' })] } });
    expect(await screen.findByText(/户口簿\.pdf/)).toBeTruthy();
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/api/files/')!;
    expect(init?.body).toBeInstanceOf(FormData);
    expect((init?.body as FormData).get('file')).toBeInstanceOf(File);
    expect(screen.getByTitle('江苏省 / 南京市 / 玄武区')).toBeTruthy(); // the cascader shows the path of 320102
    let result!: ReturnType<FormRendererHandle['validate']>;
    act(() => {
      result = ref.current!.validate();
    });
    expect(result).toEqual({ ok: true, errors: [], values: { files: [FILE], region: '320102' } });
  });
});
