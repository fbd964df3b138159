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
