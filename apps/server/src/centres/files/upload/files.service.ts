import { randomUUID } from 'node:crypto';
import { commonErrors, scopeAllows, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import { filesErrors } from '../files.errors';
import { defaultUploadPolicy, inspectUpload, type UploadPolicy } from '../inspect/upload-policy.rules';
import type { BlobStore } from '../storage/blob-store';
import { filesRepo, type FileRow } from './files.repo';

export type FilesServiceDeps = { db: Db; audit: Audit; store: BlobStore; policy?: UploadPolicy };

const toView = (r: FileRow) => ({ id: r.id, fileName: r.fileName, size: r.sizeBytes, mime: r.mime, type: r.sniffedType, sha256: r.sha256, sm3: r.sm3, createdAt: r.createdAt.toISOString() });
/** What other centres may check about a file: who uploaded it and which org holds it. */
const toMeta = (r: FileRow) => ({ ...toView(r), uploadedBy: r.uploadedBy, uploaderKind: r.uploaderKind as 'user' | 'citizen', orgId: r.orgId });

export const createFilesService = (deps: FilesServiceDeps) => {
  const policy = deps.policy ?? defaultUploadPolicy;
  /** Uploader, or an officer whose data scope covers the uploader's org. */
  const canRead = (ctx: RequestCtx, f: FileRow) => {
    if (ctx.citizen) return f.uploaderKind === 'citizen' && f.uploadedBy === ctx.citizen.citizenId;
    return !!ctx.user && ((f.uploaderKind === 'user' && f.uploadedBy === ctx.user.userId) || (ctx.user.scope.kind !== 'self' && scopeAllows(ctx.user.scope, { orgId: f.orgId })));
  };

  return {
    /** Inspects the bytes before anything is stored; a refused file leaves no row and no blob. */
    async upload(ctx: RequestCtx, input: { bytes: Uint8Array; fileName: string; purpose?: string }) {
      const owner = ctx.citizen ? { uploadedBy: ctx.citizen.citizenId, uploaderKind: 'citizen', orgId: null }
        : ctx.user ? { uploadedBy: ctx.user.userId, uploaderKind: 'user', orgId: ctx.user.orgId } : null;
      if (!owner) throw commonErrors.UNAUTHENTICATED();
      const verdict = inspectUpload(input.bytes, input.fileName, policy);
      if (!verdict.ok) {
        const p = verdict.problem;
        throw filesErrors[p.code](p, p.code === 'TOO_LARGE' ? `文件超过 ${Math.round(p.maxBytes / 1024 / 1024)} MB 上限` : undefined);
      }
      const blob = await deps.store.put(input.bytes);
      const id = randomUUID();
      await deps.db.transaction(async (tx) => {
        await filesRepo.insert(tx, { id, sha256: blob.sha256, sm3: blob.sm3, sizeBytes: blob.size, mime: verdict.mime, sniffedType: verdict.type,
          fileName: verdict.safeName, purpose: input.purpose ?? 'material', ...owner });
        await deps.audit.recordFor(tx, ctx, { action: 'files.upload', targetType: 'file', targetIds: [id], detail: { name: verdict.safeName, size: blob.size, type: verdict.type, sha256: blob.sha256 } });
      });
      return toView((await filesRepo.findById(deps.db, id))!);
    },
    async meta(ctx: RequestCtx, id: string) {
      const f = await filesRepo.findById(deps.db, id);
      if (!f || !canRead(ctx, f)) throw filesErrors.NOT_FOUND({ id });
      return toView(f);
    },
    async download(ctx: RequestCtx, id: string) {
      const f = await filesRepo.findById(deps.db, id);
      if (!f || !canRead(ctx, f)) throw filesErrors.NOT_FOUND({ id });
      const bytes = await deps.store.get(f.sha256);
      if (!bytes) throw filesErrors.NOT_FOUND({ id, reason: 'blob missing' });
      return { file: toView(f), bytes };
    },
    // for other modules (archiving checks fixity against the recorded digests)
    getMeta: async (q: Queryable, id: string) => { const f = await filesRepo.findById(q, id); return f ? toMeta(f) : null; },
    /** A citizen's upload given with an application: the accepting org's officers may read it from now on. */
    attachToOrg: async (q: Queryable, id: string, orgId: string) => { await filesRepo.attachToOrg(q, id, orgId); },
    /** Stores bytes the platform produced (a result document); readable by the org's officers. */
    storeGenerated: async (q: Queryable, input: { bytes: Uint8Array; fileName: string; mime: string; purpose: string; orgId: string | null }) => {
      const blob = await deps.store.put(input.bytes);
      const id = randomUUID();
      await filesRepo.insert(q, { id, sha256: blob.sha256, sm3: blob.sm3, sizeBytes: blob.size, mime: input.mime, sniffedType: input.mime === 'application/pdf' ? 'pdf' : 'bin',
        fileName: input.fileName, purpose: input.purpose, uploadedBy: null, uploaderKind: 'user', orgId: input.orgId });
      return toMeta((await filesRepo.findById(q, id))!);
    },
    readBytes: (sha256: string) => deps.store.get(sha256),
  };
};
export type FilesService = ReturnType<typeof createFilesService>;
