import { PageContainer } from '@ant-design/pro-components';

// Placeholder while the page is being built this session.
export function CalendarPage() {
  return <PageContainer title="建设中" />;
}
