import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/request';

export type InboxItem = { id: string; title: string; body: string; link: string | null; businessKey: string | null; createdAt: string; readAt: string | null };
export type InboxPage = { items: InboxItem[]; total: number; unread: number };

const BASE = '/api/messages';
export const messageKeys = {
  all: ['message'] as const,
  unread: ['message', 'unread'] as const,
  inbox: (q: object) => ['message', 'inbox', q] as const,
};

export const messageApi = {
  inbox: (q: { page: number; pageSize: number; unreadOnly?: boolean }) =>
    api.get<InboxPage>(`${BASE}/inbox`, { page: q.page, pageSize: q.pageSize, ...(q.unreadOnly ? { unreadOnly: 'true' } : {}) }),
  unreadCount: () => api.get<{ count: number }>(`${BASE}/unread-count`),
  markRead: (id: string) => api.post<{ ok: true }>(`${BASE}/${id}/read`),
  markAllRead: () => api.post<{ count: number }>(`${BASE}/read-all`),
};

/** Polled every 30 s while the window is visible, so a new 待办 or 超期预警 shows without a reload. */
export function useUnreadCount() {
  return useQuery({ queryKey: messageKeys.unread, queryFn: messageApi.unreadCount, refetchInterval: 30_000, refetchIntervalInBackground: false });
}

export function useInbox(q: { page: number; pageSize: number; unreadOnly?: boolean }, enabled = true) {
  return useQuery({ queryKey: messageKeys.inbox(q), queryFn: () => messageApi.inbox(q), enabled });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | 'all'): Promise<void> => { await (id === 'all' ? messageApi.markAllRead() : messageApi.markRead(id)); },
    onSuccess: () => qc.invalidateQueries({ queryKey: messageKeys.all }),
  });
}
