import { useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { AuthProvider } from './auth-context';
import { setFeedback } from './feedback';
import { createQueryClient } from './query-client';
import { AppRoutes } from './router';

dayjs.locale('zh-cn');

/** Hands antd's context-aware message/notification to the (non-React) request layer. */
export function FeedbackBridge() {
  const { message, notification } = AntApp.useApp();
  useEffect(() => setFeedback({ message, notification }), [message, notification]);
  return null;
}

export const theme = {
  token: { colorPrimary: '#1d4ed8', borderRadius: 4 },
  components: { Table: { cellPaddingBlockSM: 6 } },
};

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp message={{ maxCount: 3 }} notification={{ placement: 'topRight' }}>
        <FeedbackBridge />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
