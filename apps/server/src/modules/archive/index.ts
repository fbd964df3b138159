import { defineModule } from '@jsga/kernel';
import type { CaseApi } from '../../centres/case';
import type { MatterApi } from '../../centres/matter';
import { archiveRoutes } from './record/archive.routes';
import { createArchiveService } from './record/archive.service';

/**
 * 电子归档: concluded cases become archive records (待归档), are checked (四性检测), coded (档号) and
 * packaged. Reacts to `case.application.concluded`; reads cases through the case centre's API only.
 */
export const archiveModule = defineModule({
  code: 'archive',
  dependsOn: ['case', 'matter'],
  setup: ({ db, audit, config, deps }) => {
    const service = createArchiveService({
      db, audit, cases: deps.case as CaseApi, matter: deps.matter as MatterApi,
      codes: { fonds: config.ARCHIVE_FONDS_CODE, category: config.ARCHIVE_CATEGORY_CODE, pattern: config.ARCHIVE_CODE_PATTERN },
    });
    return {
      routes: [{ prefix: '/api/admin/archive', plugin: archiveRoutes(service) }],
      subscribers: [{ name: 'archive.collect', topic: 'case.application.concluded', handle: async (tx, e) => { await service.onCaseConcluded(tx, String(e.payload.caseId)); } }],
    };
  },
});
