import { isApiError } from '../../../app/request';

export interface SaveProblems {
  message: string;
  /** One line per problem (the server parser's list, or field errors). */
  problems: string[];
}

/**
 * What a failed deploy says: WORKFLOW_DEFINITION_INVALID carries the parser's Chinese problems in
 * `details.problems`; a rejected body (e.g. the key) carries field errors.
 */
export function saveProblemsOf(error: unknown): SaveProblems {
  if (!isApiError(error)) return { message: error instanceof Error && error.message ? error.message : '保存失败，请稍后重试', problems: [] };
  const details = error.details as { problems?: unknown } | undefined;
  const fromParser = Array.isArray(details?.problems) ? details.problems.map(String) : [];
  const fromFields = error.fieldErrors.map((f) => f.message);
  const message = error.code === 'WORKFLOW_DEFINITION_INVALID' ? '流程定义有误，请按以下提示修改后再保存' : error.message;
  return { message, problems: fromParser.length ? fromParser : fromFields };
}
