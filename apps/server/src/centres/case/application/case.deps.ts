import type { Audit, Db, EventBus, Facts } from '@jsga/kernel';
import type { ElicenseApi } from '../../elicense';
import type { FilesApi } from '../../files';
import type { FormApi } from '../../form';
import type { IdentityApi } from '../../identity';
import type { MatterApi } from '../../matter';
import type { MessageApi } from '../../message';
import type { PrintApi } from '../../print';
import type { CaseWorkflowPort } from '../case-workflow.port';

/** What the case centre's use cases are built on (other centres through their public APIs). */
export type CaseServiceDeps = {
  db: Db;
  audit: Audit;
  events: EventBus;
  matter: MatterApi;
  form: Pick<FormApi, 'getPublished' | 'getVersion' | 'validateVersion'>;
  workflow: CaseWorkflowPort;
  message: Pick<MessageApi, 'send'>;
  files: Pick<FilesApi, 'getMeta' | 'attachToOrg' | 'readBytes' | 'storeGenerated'>;
  elicense: Pick<ElicenseApi, 'isUsableAs' | 'findForHolder' | 'listTypes'>;
  /** Renders the result document (准予 / 不予许可决定书) of a concluded case; absent in narrow unit setups. */
  print?: Pick<PrintApi, 'render' | 'getPublished'>;
  identity: Pick<IdentityApi, 'findOrg'>;
  /** Other modules' facts about the applicant, for eligibility rules naming `facts.<module>.<fact>`. */
  facts?: Facts;
  /** 办件编号规则, e.g. `{region}{yyyy}{MM}{dd}{seq:6}`. */
  numberPattern: string;
  /** Working days before the deadline that the warning starts. */
  warnDays: number;
  now?: () => Date;
};
