import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '@jsga/contracts';
import { filesErrors } from '../files.errors';
import type { FilesService } from './files.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };
const tags = ['文件'];
const FileView = z.object({ id: z.uuid(), fileName: z.string(), size: z.number().int(), mime: z.string(), type: z.string(), sha256: z.string(), sm3: z.string(), createdAt: z.string() });

/** The same upload and download for officers (`authenticated`) and for citizens applying online (`citizen`). */
export const filesRoutes = (service: FilesService, opts: { maxBytes: number; access?: 'authenticated' | 'citizen' }): FastifyPluginAsyncZod => async (app) => {
  const access = opts.access ?? 'authenticated';
  await app.register(multipart, { limits: { fileSize: opts.maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });

  app.post('/', {
    config: { access },
    schema: { tags, summary: '上传一个文件（multipart/form-data，字段 file；可选字段 purpose）', consumes: ['multipart/form-data'], response: { 200: FileView, ...errors } },
  }, async (req) => {
    const part = await req.file();
    if (!part) throw filesErrors.MISSING();
    const bytes = await part.toBuffer();
    const purpose = (part.fields.purpose as { value?: unknown } | undefined)?.value;
    return service.upload(req.ctx, { bytes: new Uint8Array(bytes), fileName: part.filename, purpose: typeof purpose === 'string' ? purpose.slice(0, 32) : undefined });
  });

  app.get('/:id', {
    config: { access },
    schema: { tags, summary: '文件信息（上传人或数据范围内的民警可见）', params: IdParams, response: { 200: FileView, ...errors } },
  }, (req) => service.meta(req.ctx, req.params.id));

  app.get('/:id/content', {
    config: { access },
    schema: { tags, summary: '下载文件', params: IdParams },
  }, async (req, reply) => {
    const { file, bytes } = await service.download(req.ctx, req.params.id);
    return reply
      .type(file.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(bytes));
  });
};
