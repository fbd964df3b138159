import { z } from 'zod';
import { FormDefinition } from '@jsga/form-engine';
import { ListQuery } from '../common';

export const FormStatus = z.enum(['draft', 'published', 'retired']);
export const FormDefinitionSummary = z.object({
  id: z.uuid(), key: z.string(), version: z.number().int(), title: z.string(), status: FormStatus,
  updatedAt: z.string(), publishedAt: z.string().nullable(),
});
export type FormDefinitionSummary = z.infer<typeof FormDefinitionSummary>;
export const FormDefinitionView = FormDefinitionSummary.extend({ definition: FormDefinition });
export type FormDefinitionView = z.infer<typeof FormDefinitionView>;

export const FormListQuery = ListQuery.extend({ status: FormStatus.optional() });
export type FormListQuery = z.infer<typeof FormListQuery>;

/** Saving always targets the key's open draft (created from the latest version when there is none). */
export const SaveFormDraftBody = z.object({ definition: z.unknown() });
export const FormKeyParams = z.object({ key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/) });

export const ValidateFormBody = z.object({
  data: z.record(z.string(), z.unknown()),
  /** Read-only context the expressions may use (the applicant's identity etc.); the server adds its own where it has it. */
  context: z.record(z.string(), z.unknown()).optional(),
});
export const FormValidationResult = z.object({
  ok: z.boolean(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
  values: z.record(z.string(), z.unknown()),
});
export type FormValidationResult = z.infer<typeof FormValidationResult>;
