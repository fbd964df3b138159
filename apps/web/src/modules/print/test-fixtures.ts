import { fireEvent, waitFor, within } from '@testing-library/react';
import { printTemplateKinds, type MeView, type PrintTemplateDefinition, type PrintTemplateSummary, type PrintTemplateView } from '@jsga/contracts';
import { sampleMe } from '../../test-utils';
import type { PrintKindView } from './api';

/** GET /kinds as the server answers it (from the same catalogue). */
export const kindsResponse: PrintKindView[] = Object.entries(printTemplateKinds).map(([kind, k]) => ({
  kind: kind as PrintKindView['kind'],
  name: k.name,
  variables: [...k.variables],
  lists: k.lists.map((l) => ({ path: l.path, label: l.label })),
}));

export const meWith = (permissions: string[]): MeView => ({ ...sampleMe, permissions });

export const DRAFT_ID = 'dddddddd-dddd-4ddd-8ddd-dddddddddd02';
export const PUBLISHED_ID = 'dddddddd-dddd-4ddd-8ddd-dddddddddd01';

export const noticeDefinition: PrintTemplateDefinition = {
  page: { size: 'A4', margins: { top: 37, right: 26, bottom: 35, left: 28 } },
  fontSize: 14,
  blocks: [
    { type: 'title', text: '领取通知书' },
    { type: 'paragraph', text: '{{applicantName}}：请携带身份证领取。' },
    { type: 'table', rows: [{ label: '办件编号', value: '{{caseNo}}' }] },
  ],
  footer: '第 {{page}} 页',
};

export const templateView = (over: Partial<PrintTemplateView> = {}): PrintTemplateView => ({
  id: DRAFT_ID, key: 'pickup_notice', version: 2, status: 'draft', title: '领取通知书', kind: 'application_form',
  createdAt: '2026-03-01T10:00:00+08:00', updatedAt: '2026-03-02T10:00:00+08:00', publishedAt: null,
  definition: noticeDefinition, placeholders: [], ...over,
});

export const summaryOf = ({ definition: _d, placeholders: _p, ...rest }: PrintTemplateView): PrintTemplateSummary => rest;

/**
 * A button by its visible text or its aria-label. Role queries would name every button on the page
 * (getComputedStyle on each of their nodes), which takes seconds per query on these antd pages in jsdom.
 */
export function button(label: string | RegExp, container: HTMLElement = document.body): HTMLButtonElement {
  const scope = within(container);
  const found = scope.queryAllByText(label).map((e) => e.closest('button')).find((b) => b !== null) ?? scope.queryAllByLabelText(label).find((e) => e.tagName === 'BUTTON');
  if (!found) throw new Error(`no button “${String(label)}”`);
  return found as HTMLButtonElement;
}
export const queryButton = (label: string | RegExp, container?: HTMLElement) => {
  try {
    return button(label, container);
  } catch {
    return null;
  }
};
export const findButton = (label: string | RegExp, container?: HTMLElement) => waitFor(() => button(label, container), { timeout: 15_000 });

/** The nearest ancestor (or self) matching `selector`; throws when there is none. */
export function closest(el: Element, selector: string): HTMLElement {
  const found = el.closest<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} around the element`);
  return found;
}

/** Opens an antd Select (a mouse-down on its selector, as a user's click) and returns its options’ texts once shown. */
export async function openSelect(combobox: HTMLElement): Promise<HTMLElement[]> {
  const selector = closest(combobox, '.ant-select').querySelector('.ant-select-selector');
  if (!selector) throw new Error('not an antd Select');
  fireEvent.mouseDown(selector);
  return waitFor(() => {
    const options = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')];
    if (!options.length) throw new Error('no options yet');
    return options;
  }, { timeout: 15_000 });
}
