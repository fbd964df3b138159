import type { ReactNode } from 'react';
import type { MeView } from '@jsga/contracts';
import { useAuth } from './auth-context';
import { ForbiddenPage } from './result-pages';

/** `code` may be one code or a list (any of them grants access). */
export type PermissionRequirement = string | readonly string[];

export function hasPermission(me: Pick<MeView, 'permissions'> | null | undefined, code: PermissionRequirement | undefined): boolean {
  if (code === undefined) return true;
  if (!me) return false;
  const codes = typeof code === 'string' ? [code] : code;
  return codes.some((c) => me.permissions.includes(c));
}

export function useAccess() {
  const { me } = useAuth();
  return { can: (code: PermissionRequirement | undefined) => hasPermission(me, code) };
}

/** Renders children only when the current position grants `permission`. */
export function Access({ permission, children, fallback = null }: { permission: PermissionRequirement; children: ReactNode; fallback?: ReactNode }) {
  const { can } = useAccess();
  return <>{can(permission) ? children : fallback}</>;
}

/** Route guard: shows the 403 page when the current position lacks `permission`. */
export function RequirePermission({ permission, children }: { permission?: PermissionRequirement; children: ReactNode }) {
  const { can } = useAccess();
  return <>{can(permission) ? children : <ForbiddenPage />}</>;
}
