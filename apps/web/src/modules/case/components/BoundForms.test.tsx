import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { setToken } from '../../../app/request';
import { AppHarness, jsonResponse, sampleMe, serve } from '../../../test-utils';
import type { FormValues } from '../../form';
import { BoundForms, type PrefillSources } from './BoundForms';

const WAIT = { timeout: 15_000 };
const definition = {
  key: 'f', title: '申请表', sections: [{ key: 'main', title: '申请表', fields: [
    { key: 'holderName', label: '持证人', type: 'text', prefill: { source: 'applicant', path: 'name' } },
    { key: 'contactAddress', label: '联系地址', type: 'text', prefill: { source: 'population', path: 'address' } },
  ] }],
};
const first: PrefillSources = { applicant: { name: '张明远' }, population: { address: '珠江路88号' } };
const second: PrefillSources = { applicant: { name: '李晓雯' } };

let latest: FormValues = {};
/** The drawer's part: the data, and a prefill that a test may change (a new card read). */
function Harness({ initial }: { initial?: PrefillSources }) {
  const [value, setValue] = useState<FormValues>({});
  const [prefill, setPrefill] = useState<PrefillSources | undefined>(initial);
  latest = value;
  return (
    <>
      <button type="button" onClick={() => setPrefill(first)}>读第一张</button>
      <button type="button" onClick={() => setPrefill(second)}>读第二张</button>
      <button type="button" onClick={() => setPrefill(undefined)}>读卡失败</button>
      <BoundForms formKeys={['f']} sections={[]} value={value} onChange={setValue} prefill={prefill} prefillLabels={{ applicant: '居民身份证（读卡）', population: '人口信息库' }} />
    </>
  );
}

function renderForms(initial?: PrefillSources) {
  serve((url) => {
    if (url.pathname === '/api/auth/me') return jsonResponse(200, sampleMe);
    if (url.pathname === '/api/forms/f') return jsonResponse(200, { id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1', key: 'f', version: 1, title: '申请表', status: 'published', definition });
    return undefined;
  });
  render(
    <AppHarness path="/">
      <Route path="/" element={<Harness initial={initial} />} />
    </AppHarness>,
  );
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

beforeEach(() => setToken('tok'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('BoundForms 感知回填', () => {
  it('fills a prefill given before the form loads', async () => {
    renderForms(first);
    await waitFor(() => expect(input('持证人').value).toBe('张明远'), WAIT);
    expect(input('联系地址').value).toBe('珠江路88号');
    expect(latest).toEqual({ holderName: '张明远', contactAddress: '珠江路88号' });
  });

  it('offers each field once per reading: a cleared field stays clear; a new reading replaces only what nobody changed', async () => {
    renderForms();
    await screen.findByLabelText('持证人', undefined, WAIT);
    fireEvent.click(screen.getByText('读第一张'));
    await waitFor(() => expect(input('持证人').value).toBe('张明远'), WAIT);

    // the officer clears the address: it is not filled again while the reading stands
    fireEvent.change(input('联系地址'), { target: { value: '' } });
    await waitFor(() => expect(input('联系地址').value).toBe(''), WAIT);
    expect(input('持证人').value).toBe('张明远');

    // another card: the name it filled gives way; the address (typed now) stays
    fireEvent.change(input('联系地址'), { target: { value: '中山北路1号' } });
    fireEvent.click(screen.getByText('读第二张'));
    await waitFor(() => expect(input('持证人').value).toBe('李晓雯'), WAIT);
    expect(input('联系地址').value).toBe('中山北路1号');

    // a failed reading leaves none of the previous person's data behind
    fireEvent.click(screen.getByText('读卡失败'));
    await waitFor(() => expect(input('持证人').value).toBe(''), WAIT);
    expect(input('联系地址').value).toBe('中山北路1号');
  });
});
