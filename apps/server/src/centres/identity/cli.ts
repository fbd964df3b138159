import { randomUUID } from 'node:crypto';
import { CreateUserBody } from '@jsga/contracts';
import { hashPassword, type Audit, type Db } from '@jsga/kernel';
import { identityErrors } from './identity.errors';
import { orgRepo } from './org/org.repo';
import { roleRepo } from './role/role.repo';
import { userRepo } from './user/user.repo';

/** `npm run cli -- create-user`: the way to create the first administrator where demo data is off. */
export async function createUserFromCli(db: Db, audit: Audit, input: {
  username: string; password: string; displayName: string; orgCode: string; roleCode: string; userType: string; policeNo?: string;
}) {
  const org = await orgRepo.findByCode(db, input.orgCode);
  if (!org) throw identityErrors.ORG_NOT_FOUND({ code: input.orgCode });
  const role = await roleRepo.findByCode(db, input.roleCode);
  if (!role) throw identityErrors.ROLE_NOT_FOUND({ code: input.roleCode });
  const body = CreateUserBody.parse({
    username: input.username, displayName: input.displayName, userType: input.userType, policeNo: input.policeNo ?? null, orgId: org.id,
    password: input.password, positions: [{ title: role.name, orgId: org.id, roleIds: [role.id], isPrimary: true }],
  });
  if (await userRepo.findByUsername(db, body.username)) throw identityErrors.USERNAME_TAKEN({ username: body.username });
  const id = randomUUID();
  const passwordHash = await hashPassword(body.password);
  await db.transaction(async (tx) => {
    await userRepo.insert(tx, { id, username: body.username, displayName: body.displayName, userType: body.userType, policeNo: body.policeNo ?? null, orgId: org.id, passwordHash });
    await userRepo.replacePositions(tx, id, [{ id: randomUUID(), title: role.name, orgId: org.id, isPrimary: true, roleIds: [role.id] }]);
    await audit.record(tx, { username: 'cli' }, { action: 'identity.user.create', targetType: 'user', targetIds: [id], detail: { via: 'cli', role: role.code } });
  });
  return id;
}
