import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An uploaded file: metadata here, bytes in the blob store addressed by SHA-256 (one copy however
 * often it is uploaded). The SM3 digest recorded at upload is what archiving's fixity check compares.
 */
export const filesObject = pgTable('files_object', {
  id: uuid('id').primaryKey(),
  sha256: text('sha256').notNull(),
  sm3: text('sm3').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  sniffedType: text('sniffed_type').notNull(),
  fileName: text('file_name').notNull(),
  purpose: text('purpose').notNull().default('material'),
  uploadedBy: uuid('uploaded_by'),
  /** 'user' (an officer; uploadedBy is a user id) or 'citizen' (uploadedBy is a citizen account id). */
  uploaderKind: text('uploader_kind').notNull().default('user'),
  orgId: uuid('org_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('files_object_sha256_idx').on(t.sha256), index('files_object_uploader_idx').on(t.uploadedBy)]);
