import { defineModule } from '@jsga/kernel';
import { auditLogAdminRoutes } from './audit-log.admin.routes';
import { createAuditLogService } from './audit-log.service';

/** Audit search and chain verification over the kernel's append-only audit trail. */
export const auditModule = defineModule({
  code: 'audit',
  dependsOn: [],
  setup: ({ db, audit }) => ({
    routes: [{ prefix: '/api/admin/audit', plugin: auditLogAdminRoutes(createAuditLogService({ db, audit })) }],
  }),
});
