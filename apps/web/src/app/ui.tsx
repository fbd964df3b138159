import type { ReactNode } from 'react';
import dayjs from 'dayjs';

/** PageContainer titles render in a <span>; this gives them heading semantics for screen readers and tests. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <span role="heading" aria-level={1}>
      {children}
    </span>
  );
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '-';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : value;
}

export const isFuture = (value: string | null | undefined): boolean => !!value && dayjs(value).isAfter(dayjs());

/**
 * Keyboard handling for forms inside drawers and modals:
 * - Ctrl/⌘+Enter submits (when `onSubmit` is given);
 * - Esc pressed to close an open dropdown (select, tree select, date picker) closes only the
 *   dropdown, not the surrounding drawer/modal with its unsaved input.
 */
export function FormKeyboard({ onSubmit, children }: { onSubmit?: () => void; children: ReactNode }) {
  return (
    <div
      onKeyDown={(e) => {
        if (onSubmit && (e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          onSubmit();
          return;
        }
        if (e.key === 'Escape' && e.target instanceof HTMLElement && e.target.getAttribute('aria-expanded') === 'true') {
          e.stopPropagation();
        }
      }}
    >
      {children}
    </div>
  );
}
