import type { ModuleDefinition } from '@jsga/kernel';
import { auditModule } from './centres/audit';
import { caseModule } from './centres/case';
import { citizenModule } from './centres/citizen';
import { declarationModule } from './centres/declaration';
import { evaluationModule } from './centres/evaluation';
import { elicenseModule } from './centres/elicense';
import { filesModule } from './centres/files';
import { formModule } from './centres/form';
import { identityModule } from './centres/identity';
import { matterModule } from './centres/matter';
import { messageModule } from './centres/message';
import { printModule } from './centres/print';
import { workflowModule } from './centres/workflow';
import { archiveModule } from './modules/archive';
import { hukouModule } from './modules/hukou';

/** The composition root's list of centres and modules, in no particular order (dependencies decide). */
export const moduleDefinitions: ModuleDefinition[] = [
  identityModule as ModuleDefinition, auditModule, matterModule as ModuleDefinition,
  workflowModule as ModuleDefinition,
  formModule as ModuleDefinition,
  messageModule as ModuleDefinition,
  filesModule as ModuleDefinition,
  caseModule as ModuleDefinition,
  elicenseModule as ModuleDefinition,
  citizenModule as ModuleDefinition,
  declarationModule as ModuleDefinition,
  evaluationModule as ModuleDefinition,
  printModule as ModuleDefinition,
  archiveModule as ModuleDefinition,
  hukouModule as ModuleDefinition,
];
