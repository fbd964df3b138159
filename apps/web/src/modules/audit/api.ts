import { useMutation } from '@tanstack/react-query';
import type { AuditListQuery, AuditLogView, AuditVerifyResult } from '@jsga/contracts';
import { api } from '../../app/request';
import type { Page } from '../../app/table';

export type AuditQuery = Partial<AuditListQuery>;

export const auditKeys = {
  all: ['audit'] as const,
  logs: ['audit', 'logs'] as const,
};

export const auditApi = {
  listLogs: (q: AuditQuery) => api.get<Page<AuditLogView>>('/api/admin/audit/logs', q),
  verify: () => api.post<AuditVerifyResult>('/api/admin/audit/verify', {}),
};

/** Walks the audit hash chain on the server and reports the first broken row, if any. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: auditApi.verify });
}
