import path from 'node:path';
import { defineModule, type AppConfig } from '@jsga/kernel';
import { defaultUploadPolicy } from './inspect/upload-policy.rules';
import { createLocalBlobStore, createMemoryBlobStore, type BlobStore } from './storage/blob-store';
import { createS3BlobStore } from './storage/s3-blob-store';
import { filesRoutes } from './upload/files.routes';
import { createFilesService, type FilesService } from './upload/files.service';

/** What other modules may use of file storage. */
export type FilesApi = Pick<FilesService, 'getMeta' | 'readBytes' | 'attachToOrg' | 'storeGenerated'>;

/** BLOB_STORE=s3: an S3-compatible bucket; otherwise DATA_DIR/files (or memory for memory://). Config has checked the S3 variables. */
function blobStoreFor(config: AppConfig): BlobStore {
  if (config.BLOB_STORE === 's3') {
    return createS3BlobStore({
      endpoint: config.S3_ENDPOINT!, region: config.S3_REGION, bucket: config.S3_BUCKET!, forcePathStyle: config.S3_FORCE_PATH_STYLE,
      accessKeyId: config.S3_ACCESS_KEY_ID!, secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
    });
  }
  return config.DATA_DIR.startsWith('memory://') ? createMemoryBlobStore() : createLocalBlobStore(path.resolve(config.DATA_DIR, 'files'));
}

export const filesModule = defineModule<FilesApi>({
  code: 'files',
  dependsOn: [],
  setup: ({ db, audit, config }) => {
    const store = blobStoreFor(config);
    const service = createFilesService({ db, audit, store, policy: { ...defaultUploadPolicy, maxBytes: config.UPLOAD_MAX_BYTES } });
    return {
      api: service,
      routes: [
        { prefix: '/api/files', plugin: filesRoutes(service, { maxBytes: config.UPLOAD_MAX_BYTES }) },
        { prefix: '/api/citizen/files', plugin: filesRoutes(service, { maxBytes: config.UPLOAD_MAX_BYTES, access: 'citizen' }) },
      ],
    };
  },
});
