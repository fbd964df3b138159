import type { ModuleDefinition } from '@jsga/kernel';
import { auditModule } from './centres/audit';
import { identityModule } from './centres/identity';

/** The composition root's list of centres and modules, in no particular order (dependencies decide). */
export const moduleDefinitions: ModuleDefinition[] = [identityModule as ModuleDefinition, auditModule];
