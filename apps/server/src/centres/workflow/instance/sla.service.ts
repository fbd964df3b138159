import { chinaDate } from '@jsga/kernel';
import { warningHorizon } from '../calendar/business-calendar.rules';
import { instanceRepo } from './instance.repo';
import type { WorkflowCore, WorkflowServiceDeps } from './workflow.core';

const BATCH = 100;
const MAX_BATCHES = 20;

/**
 * 超期预警 / 告警 for open tasks. A task warns once when it enters its warning window (`warnDays`
 * working days before the due date) and alarms once from the day after its due date. Rows are claimed
 * with FOR UPDATE SKIP LOCKED and stamped in the same transaction as the message, so two server
 * instances never send a notice twice. Suspended instances are skipped: their clock stands still.
 */
export function createSlaService(deps: WorkflowServiceDeps, core: WorkflowCore) {
  const warnDays = deps.warnDays ?? 1;
  return {
    async runSla() {
      const at = core.now();
      const today = chinaDate(at);
      let sent = 0;
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const claimed = await deps.db.transaction(async (tx) => {
          const cal = await core.calendar(tx);
          const rows = await instanceRepo.claimSlaTasks(tx, today, warningHorizon(cal, today, warnDays), BATCH);
          for (const { task, businessKey, state } of rows) {
            const overdue = task.dueDate! < today;
            if (overdue && task.overdueNotifiedAt) { await instanceRepo.markSla(tx, task.id, { warnedAt: at }); continue; } // nothing owed but a stale flag
            const templateCode = overdue ? 'sla.overdue' : 'sla.warning';
            const recipients = await core.recipientsOf(tx, task);
            if (recipients.length) {
              await deps.sendMessage(tx, { templateCode, recipients: recipients.map((userId) => ({ userId })), businessKey, link: core.taskLink(task.id),
                vars: { caseNo: core.caseNoOf({ businessKey, state }), nodeName: task.nodeName, dueDate: task.dueDate } });
              sent++;
            }
            // an overdue notice makes a late warning pointless: it counts as given
            await instanceRepo.markSla(tx, task.id, overdue ? { overdueNotifiedAt: at, ...(task.warnedAt ? {} : { warnedAt: at }) } : { warnedAt: at });
          }
          return rows.length;
        });
        if (claimed < BATCH) break;
      }
      return sent;
    },
  };
}
