import path from 'node:path';
import { defineModule } from '@jsga/kernel';
import { defaultUploadPolicy } from './inspect/upload-policy.rules';
import { createLocalBlobStore, createMemoryBlobStore } from './storage/blob-store';
import { filesRoutes } from './upload/files.routes';
import { createFilesService, type FilesService } from './upload/files.service';

/** What other modules may use of file storage. */
export type FilesApi = Pick<FilesService, 'getMeta' | 'readBytes'>;

export const filesModule = defineModule<FilesApi>({
  code: 'files',
  dependsOn: [],
  setup: ({ db, audit, config }) => {
    const store = config.DATA_DIR.startsWith('memory://') ? createMemoryBlobStore() : createLocalBlobStore(path.resolve(config.DATA_DIR, 'files'));
    const service = createFilesService({ db, audit, store, policy: { ...defaultUploadPolicy, maxBytes: config.UPLOAD_MAX_BYTES } });
    return { api: service, routes: [{ prefix: '/api/files', plugin: filesRoutes(service, { maxBytes: config.UPLOAD_MAX_BYTES }) }] };
  },
});
