import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrgBody,
  CreateUserBody,
  OrgListQuery,
  OrgView,
  PermissionDef,
  RoleView,
  SaveRoleBody,
  UpdateOrgBody,
  UpdateUserBody,
  UserListQuery,
  UserView,
} from '@jsga/contracts';
import { authKeys } from '../../app/auth-context';
import { api } from '../../app/request';
import type { Page } from '../../app/table';

const BASE = '/api/admin/identity';

/** Largest page the server allows; used where a whole level is shown at once (tree, options). */
export const MAX_PAGE_SIZE = 200;

export type OrgQuery = Partial<OrgListQuery>;
export type UserQuery = Partial<UserListQuery>;
export type RoleQuery = { keyword?: string; page?: number; pageSize?: number };
type Ok = { ok: true };

export const identityKeys = {
  all: ['identity'] as const,
  orgs: ['identity', 'orgs'] as const,
  orgList: (q: OrgQuery) => ['identity', 'orgs', 'list', q] as const,
  org: (id: string) => ['identity', 'orgs', 'detail', id] as const,
  users: ['identity', 'users'] as const,
  user: (id: string) => ['identity', 'users', 'detail', id] as const,
  roles: ['identity', 'roles'] as const,
  roleList: (q: RoleQuery) => ['identity', 'roles', 'list', q] as const,
  permissions: ['identity', 'permissions'] as const,
};

// ---------------------------------------------------------------- fetchers

/** Create/update calls come from forms, which show their errors themselves (under the inputs). */
const FORM = { silent: true } as const;

export const identityApi = {
  listOrgs: (q: OrgQuery) => api.get<Page<OrgView>>(`${BASE}/orgs`, q),
  getOrg: (id: string) => api.get<OrgView>(`${BASE}/orgs/${id}`),
  createOrg: (body: CreateOrgBody) => api.post<OrgView>(`${BASE}/orgs`, body, FORM),
  updateOrg: (id: string, body: UpdateOrgBody) => api.patch<OrgView>(`${BASE}/orgs/${id}`, body, FORM),

  listUsers: (q: UserQuery) => api.get<Page<UserView>>(`${BASE}/users`, q),
  getUser: (id: string) => api.get<UserView>(`${BASE}/users/${id}`),
  createUser: (body: CreateUserBody) => api.post<UserView>(`${BASE}/users`, body, FORM),
  updateUser: (id: string, body: UpdateUserBody) => api.patch<UserView>(`${BASE}/users/${id}`, body, FORM),
  resetPassword: (id: string, password: string) => api.post<Ok>(`${BASE}/users/${id}/reset-password`, { password }, FORM),
  unlockUser: (id: string) => api.post<Ok>(`${BASE}/users/${id}/unlock`, {}),

  listRoles: (q: RoleQuery) => api.get<Page<RoleView>>(`${BASE}/roles`, q),
  createRole: (body: SaveRoleBody) => api.post<RoleView>(`${BASE}/roles`, body, FORM),
  updateRole: (id: string, body: SaveRoleBody) => api.put<RoleView>(`${BASE}/roles/${id}`, body, FORM),
  deleteRole: (id: string) => api.delete<Ok>(`${BASE}/roles/${id}`),
  listPermissions: () => api.get<{ items: PermissionDef[] }>(`${BASE}/permissions`),
};

// ---------------------------------------------------------------- orgs

/** Query options for one tree level: the top of the caller's data scope (parentId undefined) or the children of an org. */
export const orgLevelQuery = (parentId: string | undefined) => {
  const q: OrgQuery = parentId ? { parentId, page: 1, pageSize: MAX_PAGE_SIZE } : { page: 1, pageSize: MAX_PAGE_SIZE };
  return { queryKey: identityKeys.orgList(q), queryFn: () => identityApi.listOrgs(q) };
};

export function useOrgs(q: OrgQuery, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: identityKeys.orgList(q), queryFn: () => identityApi.listOrgs(q), enabled: options.enabled ?? true });
}

export const orgDetailQuery = (id: string) => ({ queryKey: identityKeys.org(id), queryFn: () => identityApi.getOrg(id) });

export function useOrg(id: string | undefined) {
  return useQuery({ ...orgDetailQuery(id ?? ''), enabled: !!id });
}

export function useCreateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: identityApi.createOrg,
    onSuccess: () => qc.invalidateQueries({ queryKey: identityKeys.orgs }),
  });
}

export function useUpdateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrgBody }) => identityApi.updateOrg(id, body),
    onSuccess: (org) => {
      qc.setQueryData(identityKeys.org(org.id), org);
      return qc.invalidateQueries({ queryKey: identityKeys.orgs });
    },
  });
}

// ---------------------------------------------------------------- users

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: identityApi.createUser,
    onSuccess: () => qc.invalidateQueries({ queryKey: identityKeys.users }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => identityApi.updateUser(id, body),
    onSuccess: (user) => {
      qc.setQueryData(identityKeys.user(user.id), user);
      // the edited user may be the current one (positions, name)
      return Promise.all([qc.invalidateQueries({ queryKey: identityKeys.users }), qc.invalidateQueries({ queryKey: authKeys.me })]);
    },
  });
}

export function useResetPassword() {
  return useMutation({ mutationFn: ({ id, password }: { id: string; password: string }) => identityApi.resetPassword(id, password) });
}

export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: identityApi.unlockUser,
    onSuccess: () => qc.invalidateQueries({ queryKey: identityKeys.users }),
  });
}

// ---------------------------------------------------------------- roles & permissions

/** All roles visible to the caller, for pickers (position roles). */
export function useRoleOptions() {
  const q: RoleQuery = { page: 1, pageSize: MAX_PAGE_SIZE };
  return useQuery({ queryKey: identityKeys.roleList(q), queryFn: () => identityApi.listRoles(q), staleTime: 60_000 });
}

export function usePermissionDefs() {
  return useQuery({ queryKey: identityKeys.permissions, queryFn: identityApi.listPermissions, staleTime: 5 * 60_000 });
}

export function useSaveRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: SaveRoleBody }) => (id ? identityApi.updateRole(id, body) : identityApi.createRole(body)),
    // role names show on users' positions; the current position may hold the role
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: identityKeys.roles }),
        qc.invalidateQueries({ queryKey: identityKeys.users }),
        qc.invalidateQueries({ queryKey: authKeys.me }),
      ]),
  });
}

export function useDeleteRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: identityApi.deleteRole,
    onSuccess: () => qc.invalidateQueries({ queryKey: identityKeys.roles }),
  });
}
