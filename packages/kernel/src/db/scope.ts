import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DataScope } from '../http/request-context';

/**
 * The WHERE condition that keeps a query inside the caller's data scope. Every repository that lists
 * or loads org-owned rows passes its org column (and owner column, for 本人 scope) through this.
 */
export function scopeWhere(scope: DataScope, cols: { org: PgColumn; owner?: PgColumn }): SQL | undefined {
  if (scope.kind === 'self') return cols.owner ? eq(cols.owner, scope.userId) : sql`false`;
  if (scope.orgIds === 'all') return undefined;
  if (scope.orgIds.length === 0) return sql`false`;
  return inArray(cols.org, scope.orgIds);
}
