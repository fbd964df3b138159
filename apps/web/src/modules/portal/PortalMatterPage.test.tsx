import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route, useLocation } from 'react-router-dom';
import { AppHarness, jsonResponse } from '../../test-utils';
import { PortalMatterPage } from './PortalMatterPage';
import { calls, hukouGuide, serve, summary } from './test-fixtures';

const WAIT = { timeout: 15_000 };
const realMatchMedia = window.matchMedia;
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.matchMedia = realMatchMedia;
});

/** A wide screen for antd's breakpoints (jsdom otherwise matches none: a phone). */
const desktop = () => {
  window.matchMedia = (query: string) => ({
    matches: query.includes('min-width'), media: query, onchange: null,
    addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
  }) as MediaQueryList;
};

function Where() {
  const l = useLocation();
  return <div data-testid="where">{l.pathname}</div>;
}

function renderGuide(code = 'JS-Z001') {
  const fetchMock = serve((url) => {
    if (url.pathname === '/api/matters/JS-Z001') return jsonResponse(200, hukouGuide);
    if (url.pathname === '/api/matters') {
      return jsonResponse(200, { items: [summary(), summary({ code: 'JS-Z002', name: '户口登记' }), summary({ code: 'JS-Z003', name: '户口注销' })], total: 3 });
    }
    return undefined;
  });
  render(
    <AppHarness path={`/portal/matters/${code}`}>
      <Route path="/portal/matters/:code" element={<><PortalMatterPage /><Where /></>} />
      <Route path="/portal/matters/:code/guide" element={<><div>在线导办页</div><Where /></>} />
    </AppHarness>,
  );
  return fetchMock;
}

describe('PortalMatterPage (办事指南)', () => {
  it('on a phone: key facts, collapsible sections, the materials with form, count, required and 容缺, the downloads', async () => {
    renderGuide();
    expect(await screen.findByRole('heading', { name: '户口迁移审批' }, WAIT)).toBeTruthy();
    expect(screen.getAllByText('5 个工作日').length).toBeGreaterThan(0);
    expect(screen.getAllByText('20 个工作日').length).toBeGreaterThan(0);
    expect(screen.getAllByText('最多跑 1 次').length).toBeGreaterThan(0);
    expect(screen.getAllByText('不收费').length).toBeGreaterThan(0);
    expect(screen.getByText('迁入地符合户籍准入条件。')).toBeTruthy();

    const materials = screen.getByRole('region', { name: '申请材料' });
    const notice = within(materials).getByText('录取通知书').closest('li') as HTMLElement;
    expect(within(notice).getByText('原件和复印件')).toBeTruthy();
    expect(within(notice).getByText('2 份')).toBeTruthy();
    expect(within(notice).getByText('必要')).toBeTruthy();
    expect(within(notice).getByText('特定情形')).toBeTruthy();
    expect(within(within(materials).getByText('毕业证书').closest('li') as HTMLElement).getByText('可容缺')).toBeTruthy();
    expect(within(materials).getByText('可使用电子证照，无需提交纸质材料')).toBeTruthy();
    expect(within(materials).getByRole('link', { name: '下载户口迁移申请表空白表格' }).getAttribute('href'))
      .toBe('/api/files/0f0e0d0c-0b0a-4908-8706-050403020100/content');
    expect(within(materials).getByText('空白表格与样表可在办理窗口领取')).toBeTruthy(); // the sample is not an uploaded file

    // the later sections are collapsed: open them
    fireEvent.click(screen.getByText('办理地点与时间'));
    expect(await screen.findByText('迁入地公安派出所户籍窗口', undefined, WAIT)).toBeTruthy();
    expect(screen.getByRole('link', { name: '12345 政务服务便民热线' }).getAttribute('href')).toBe('tel:12345');
    fireEvent.click(screen.getByText('办理流程'));
    expect(await screen.findByText('县级公安机关审批', undefined, WAIT)).toBeTruthy();
    fireEvent.click(screen.getByText('常见问题'));
    expect(await screen.findByText('问：大学新生必须把户口迁到学校吗？', undefined, WAIT)).toBeTruthy();
    fireEvent.click(screen.getByText('设定依据'));
    expect(await screen.findByText('《中华人民共和国户口登记条例》第十条', undefined, WAIT)).toBeTruthy();
  });

  it('lists related matters of the same police type, without itself', async () => {
    const fetchMock = renderGuide();
    const related = await screen.findByRole('region', { name: '相关事项' }, WAIT);
    expect(within(related).getByRole('link', { name: '户口登记' })).toHaveProperty('pathname', '/portal/matters/JS-Z002');
    expect(within(related).queryByRole('link', { name: '户口迁移审批' })).toBeNull();
    expect(calls(fetchMock, '/api/matters')[0].searchParams.get('policeType')).toBe('zhian');
  });

  it('在线导办 and 开始办理 open the guided checklist', async () => {
    renderGuide();
    fireEvent.click(await screen.findByRole('button', { name: /在线导办/ }, WAIT));
    expect(await screen.findByText('在线导办页', undefined, WAIT)).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/portal/matters/JS-Z001/guide');
  });

  it('on a wide screen: every section on the page, a table of contents and a QR code of this page', async () => {
    desktop();
    renderGuide();
    expect(await screen.findByRole('heading', { name: '户口迁移审批' }, WAIT)).toBeTruthy();
    const toc = screen.getByRole('navigation', { name: '指南目录' });
    expect(within(toc).getByRole('link', { name: '常见问题' }).getAttribute('href')).toBe('#guide-faq');
    expect(screen.getByText('答：不必须，由学生自愿决定。')).toBeTruthy();
    const materials = screen.getByRole('region', { name: '申请材料' });
    expect(within(materials).getByRole('columnheader', { name: '原件/复印件' })).toBeTruthy();
    const row = within(materials).getByText('录取通知书').closest('tr') as HTMLElement;
    expect(within(row).getByText('原件和复印件')).toBeTruthy();
    expect(screen.getByText('手机扫码查看')).toBeTruthy();
    expect(document.querySelector('.ant-qrcode canvas, .ant-qrcode svg')).not.toBeNull();
  });

  it('says in Chinese when the matter is not published', async () => {
    renderGuide('JS-NOPE');
    expect(await screen.findByText('事项不存在或未发布', undefined, WAIT)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('link', { name: '返回首页' }).getAttribute('href')).toBe('/portal'));
  });
});
