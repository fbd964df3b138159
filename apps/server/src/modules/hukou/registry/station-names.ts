import type { Queryable } from '@jsga/kernel';
import type { IdentityApi } from '../../../centres/identity';

/** A 派出所's name by org id, each looked up once per use (lists repeat the same few stations). */
export function stationNameLookup(identity: Pick<IdentityApi, 'findOrg'>, q: Queryable) {
  const cache = new Map<string, Promise<string | null>>();
  return (id: string) => {
    if (!cache.has(id)) cache.set(id, identity.findOrg(q, id).then((o) => o?.name ?? null));
    return cache.get(id)!;
  };
}
