import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { AppHarness, jsonResponse } from '../../test-utils';
import { PortalGuidePage } from './PortalGuidePage';
import { calls, checklistFor, hukouGuide, serve } from './test-fixtures';

const WAIT = { timeout: 15_000 };
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderWizard(guide = hukouGuide) {
  const fetchMock = serve((url, init) => {
    if (url.pathname === '/api/matters/JS-Z001') return jsonResponse(200, guide);
    if (url.pathname === '/api/matters/JS-Z001/checklist' && init?.method === 'POST') {
      const { answers } = JSON.parse(String(init.body)) as { answers: Record<string, unknown> };
      if (answers.reason === 'spouse') {
        return jsonResponse(400, { code: 'MATTER_SITUATION_ANSWER_INVALID', message: '情形选择不完整或不正确，请按提示重新选择', traceId: 't',
          details: { problems: [{ questionKey: 'scope', reason: 'missing', message: '请回答“迁移范围”' }] } });
      }
      return jsonResponse(200, checklistFor(answers));
    }
    return undefined;
  });
  render(
    <AppHarness path="/portal/matters/JS-Z001/guide">
      <Route path="/portal/matters/:code/guide" element={<PortalGuidePage />} />
    </AppHarness>,
  );
  return fetchMock;
}

const question = (name: string) => screen.findByRole('radiogroup', { name }, WAIT);
const next = () => fireEvent.click(screen.getByRole('button', { name: /下一题|生成材料清单/ }));

describe('PortalGuidePage (在线导办)', () => {
  it('asks one question at a time, opens the child question of the chosen option, then shows the printable 一单告知', async () => {
    const fetchMock = renderWizard();
    const first = await question('您办理户口迁移的原因是？');
    expect(screen.getByText(/第 1 题，共 2 题/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '下一题' })).toHaveProperty('disabled', true);
    fireEvent.click(within(first).getByLabelText('大中专院校学生（录取迁入或毕业迁出）'));
    expect(screen.getByText(/第 1 题，共 3 题/)).toBeTruthy(); // the child question is now asked
    next();

    const second = await question('您是录取新生迁入学校，还是毕业生迁出学校？');
    fireEvent.click(within(second).getByLabelText('录取新生，户口迁入学校集体户'));
    next();
    const third = await question('迁移范围');
    expect(screen.getByText('跨省迁移实行“一站式”办理')).toBeTruthy();
    fireEvent.click(within(third).getByLabelText('江苏省内迁移'));
    next();

    const materials = await screen.findByRole('region', { name: '需要准备的材料' }, WAIT);
    expect(within(materials).getByText('录取通知书')).toBeTruthy();
    expect(within(materials).getByText('户口迁移申请表')).toBeTruthy();
    expect(within(materials).queryByText('毕业证书')).toBeNull();
    expect(screen.getByText('一单告知：户口迁移审批')).toBeTruthy();
    expect(screen.getByText('按您的情况，共需准备 3 项材料（其中必要材料 3 项）。')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: '您的情形须符合的条件' })).getByText('• 录取院校须在江苏省内')).toBeTruthy();
    expect(screen.getByText('录取新生，户口迁入学校集体户')).toBeTruthy(); // 您的情形
    const posted = calls(fetchMock, '/api/matters/JS-Z001/checklist');
    expect(posted).toHaveLength(1);
    expect(JSON.parse(String(fetchMock.mock.calls.find(([u]) => String(u).endsWith('/checklist'))![1]!.body)))
      .toEqual({ answers: { reason: 'college', college_direction: 'enrol', scope: 'in_province' } });

    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: /打印清单/ }));
    expect(print).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /重新选择/ }));
    expect(await question('您办理户口迁移的原因是？')).toBeTruthy();
  });

  it('changing an earlier answer drops the answers no longer asked; a refusal shows the server\'s Chinese reasons', async () => {
    const fetchMock = renderWizard();
    fireEvent.click(within(await question('您办理户口迁移的原因是？')).getByLabelText('大中专院校学生（录取迁入或毕业迁出）'));
    next();
    fireEvent.click(within(await question('您是录取新生迁入学校，还是毕业生迁出学校？')).getByLabelText('毕业生，户口迁出学校'));
    next();
    await question('迁移范围');
    fireEvent.click(screen.getByRole('button', { name: '修改：您办理户口迁移的原因是？' }));
    fireEvent.click(within(await question('您办理户口迁移的原因是？')).getByLabelText('夫妻投靠'));
    expect(screen.getByText(/第 1 题，共 2 题/)).toBeTruthy();
    next();
    fireEvent.click(within(await question('迁移范围')).getByLabelText('跨省迁入江苏'));
    next();
    // the server's refusal is shown with its Chinese reasons, and the citizen can go back
    expect(await screen.findByText('情形选择不完整或不正确，请按提示重新选择', undefined, WAIT)).toBeTruthy();
    expect(screen.getByText('请回答“迁移范围”')).toBeTruthy();
    const body = JSON.parse(String(fetchMock.mock.calls.find(([u]) => String(u).endsWith('/checklist'))![1]!.body)) as unknown;
    expect(body).toEqual({ answers: { reason: 'spouse', scope: 'cross_province' } }); // no 'college_direction' left over
    fireEvent.click(screen.getByRole('button', { name: '返回修改' }));
    expect(await question('迁移范围')).toBeTruthy();
  });
});
