import { readFileSync } from 'node:fs';
import { defineModule } from '@jsga/kernel';
import type { CaseApi } from '../../centres/case';
import type { ElicenseApi } from '../../centres/elicense';
import type { FilesApi } from '../../centres/files';
import type { IdentityApi } from '../../centres/identity';
import type { MatterApi } from '../../centres/matter';
import { archiveRoutes } from './record/archive.routes';
import { createArchiveService, type ArchiveService } from './record/archive.service';

/**
 * 电子归档: concluded cases become archive records (待归档), are checked (四性检测), coded (档号) and
 * packaged. Reacts to `case.application.concluded`; reads cases through the case centre's API only.
 */
/** For the CLI: `archive verify` re-checks a package against the platform's signing keys. */
export type ArchiveApi = { verifyPackage: ArchiveService['verifyPackage'] };

export const archiveModule = defineModule<ArchiveApi>({
  code: 'archive',
  dependsOn: ['case', 'matter', 'files', 'elicense', 'identity'],
  setup: ({ db, audit, config, deps }) => {
    const service = createArchiveService({
      db, audit, cases: deps.case as CaseApi, matter: deps.matter as MatterApi, files: deps.files as FilesApi, elicense: deps.elicense as ElicenseApi,
      identity: deps.identity as IdentityApi, signingKeyPem: config.ARCHIVE_SIGNING_KEY_FILE ? readFileSync(config.ARCHIVE_SIGNING_KEY_FILE, 'utf8') : undefined,
      codes: { fonds: config.ARCHIVE_FONDS_CODE, category: config.ARCHIVE_CATEGORY_CODE, pattern: config.ARCHIVE_CODE_PATTERN },
    });
    return {
      api: { verifyPackage: service.verifyPackage },
      routes: [{ prefix: '/api/admin/archive', plugin: archiveRoutes(service) }],
      subscribers: [{ name: 'archive.collect', topic: 'case.application.concluded', handle: async (tx, e) => { await service.onCaseConcluded(tx, String(e.payload.caseId)); } }],
    };
  },
});
