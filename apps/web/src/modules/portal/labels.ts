import type { PublicMatterSummary } from '@jsga/contracts';

export const formatFen = (fen: number) => (fen === 0 ? '不收费' : `${(fen / 100).toFixed(2)} 元`);
export const formatDays = (days: number | null) => (days === null ? '无' : days === 0 ? '即办' : `${days} 个工作日`);
export const formatVisits = (visits: number) => (visits === 0 ? '零跑动（全程网办）' : `最多跑 ${visits} 次`);

/** 网上办理 / 线下办理, as the guide and the lists show it. */
export const handlingWays = (m: Pick<PublicMatterSummary, 'isOnline' | 'isOffline'>) =>
  [m.isOnline && '可网上办理', m.isOffline && '可窗口办理'].filter(Boolean) as string[];

export const matterPath = (code: string) => `/portal/matters/${encodeURIComponent(code)}`;
export const guidePath = (code: string) => `${matterPath(code)}/guide`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A file the files centre holds (uploaded by the matter administrator); other ids are references the window hands out on paper. */
export const fileUrl = (id: string | null) => (id && UUID.test(id) ? `/api/files/${id}/content` : null);
