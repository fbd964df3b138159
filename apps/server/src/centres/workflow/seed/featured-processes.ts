import type { SeedFlow, SeedNode, SeedProcess } from './bpmn-layout';

/**
 * The processes the featured matters start (bindings.processKey, and the processKey their situations
 * route to). Roles are the built-in ones: window_officer at the accepting 派出所, approver at its parent
 * 分局. The first user task is always 受理: the case centre's accept action completes the first open task.
 * `formKeys` names the forms whose fields the process reads (jsga:formAccess keys, gateway conditions).
 */
export type FeaturedProcess = SeedProcess & { formKeys: string[] };

type Access = Record<string, 'edit' | 'readonly' | 'hidden'>;
/** Everything read-only except the listed fields. */
const editOnly = (...keys: string[]): Access => ({ '*': 'readonly', ...Object.fromEntries(keys.map((k) => [k, 'edit' as const])) });
const mail = ['deliveryMethod', 'mailRecipient', 'mailPhone', 'mailRegion', 'mailAddress'];

const start: SeedNode = { id: 'start', kind: 'start', name: '申请', col: 0 };
const accept = (formAccess: Access, name = '受理'): SeedNode =>
  ({ id: 'accept', kind: 'task', name, col: 1, role: 'window_officer', orgRelation: 'accepting', limitDays: 1, formAccess });
const station = (id: string, name: string, col: number, limitDays: number, row = 0, formAccess?: Access): SeedNode =>
  ({ id, kind: 'task', name, col, row, role: 'window_officer', orgRelation: 'accepting', limitDays, ...(formAccess ? { formAccess } : {}) });
const bureau = (id: string, name: string, col: number, limitDays: number, row = 0, formAccess?: Access): SeedNode =>
  ({ id, kind: 'task', name, col, row, role: 'approver', orgRelation: 'parent', limitDays, ...(formAccess ? { formAccess } : {}) });
const xor = (id: string, name: string, col: number): SeedNode => ({ id, kind: 'xor', name, col });
const end = (id: string, name: string, col: number, row = 0): SeedNode => ({ id, kind: 'end', name, col, row });

/** 审核 not approved ends the process (the case concludes as 不予批准); approved goes on to `next`. */
const rejectEnds = (gateway: string, rejected: string, next: string): SeedFlow[] => [
  { from: gateway, to: rejected, name: '不通过', condition: "lastOutcome == 'reject'" },
  { from: gateway, to: next, name: '通过', isDefault: true },
];
const line = (...ids: string[]): SeedFlow[] => ids.slice(1).map((id, i) => ({ from: ids[i], to: id }));

/** 受理 → 审核 → (跨省迁入: 迁出地户籍核验) → 审批 → 办结, 审核不通过即不予迁移. */
function hukouProcess(key: string, name: string, documentation: string, acceptAccess: Access): FeaturedProcess {
  return {
    key, name, documentation, formKeys: ['hukou_migration'],
    nodes: [
      start, accept(acceptAccess),
      bureau('review', '审核', 2, 1),
      xor('review_result', '审核结果', 3), end('rejected', '不予迁移', 3, 1),
      xor('scope', '迁移范围', 4),
      bureau('verify_origin', '迁出地户籍核验', 5, 1, -1, editOnly('originHouseholdNo', 'originHouseholderName', 'originPoliceStation')),
      xor('scope_merge', '', 6),
      bureau('approve', '审批', 7, 2),
      end('end', '办结', 8),
    ],
    flows: [
      ...line('start', 'accept', 'review', 'review_result'),
      ...rejectEnds('review_result', 'rejected', 'scope'),
      { from: 'scope', to: 'verify_origin', name: '跨省迁入', condition: "migrationScope == 'cross_province'" },
      { from: 'scope', to: 'scope_merge', name: '省内迁移', isDefault: true },
      ...line('verify_origin', 'scope_merge', 'approve', 'end'),
    ],
  };
}

/** 审核签发 → by post or at the window; 不予签发 ends it. `before` nodes sit between 受理 and 审核签发. */
function cardProcess(p: Omit<FeaturedProcess, 'nodes' | 'flows'>, first: SeedNode, before: { nodes: SeedNode[]; flows: SeedFlow[]; last: string; cols: number },
  review: { name: string; limitDays: number; rejected: string }, issueDays: number): FeaturedProcess {
  const c = 2 + before.cols;
  return {
    ...p,
    nodes: [
      start, first, ...before.nodes,
      bureau('review', review.name, c, review.limitDays),
      xor('review_result', '审核结果', c + 1), end('rejected', review.rejected, c + 1, 1),
      xor('delivery', '领证方式', c + 2),
      station('mail_out', '邮寄送达', c + 3, issueDays, -1),
      station('hand_out', '窗口发证', c + 3, issueDays, 1),
      xor('delivery_merge', '', c + 4),
      end('end', '办结', c + 5),
    ],
    flows: [
      ...line('start', 'accept'), ...before.flows, ...line(before.last, 'review', 'review_result'),
      ...rejectEnds('review_result', 'rejected', 'delivery'),
      { from: 'delivery', to: 'mail_out', name: '邮寄', condition: "deliveryMethod == 'post'" },
      { from: 'delivery', to: 'hand_out', name: '窗口领取', isDefault: true },
      ...line('mail_out', 'delivery_merge'), ...line('hand_out', 'delivery_merge', 'end'),
    ],
  };
}
const direct = { nodes: [], flows: [], last: 'accept', cols: 0 };

const idCardAccess = editOnly('contactPhone', ...mail, 'lossPlace', 'lossCircumstance');
const licenceAccess = editOnly('contactPhone', 'contactAddress', 'healthCheckHospital', ...mail);

/** A station business (即审即办): 受理, then 审核登记 by the station; not approved ends it. */
const stationProcess = (key: string, name: string, formKey: string, documentation: string, acceptAccess: Access, rejected: string): FeaturedProcess => ({
  key, name, formKeys: [formKey], documentation,
  nodes: [
    start, accept(acceptAccess),
    station('register', '审核登记', 2, 1),
    xor('register_result', '审核结果', 3), end('rejected', rejected, 3, 1),
    end('end', '办结', 4),
  ],
  flows: [...line('start', 'accept', 'register', 'register_result'), ...rejectEnds('register_result', 'rejected', 'end')],
});
const birthProcess = stationProcess('hukou_birth', '出生登记流程', 'birth_registration',
  '派出所受理并当场审核登记，准予登记的办结时落户并分配公民身份号码；不予登记的说明理由。', editOnly('contactPhone', 'childName', 'lateReason'), '不予登记');
const cancelProcess = stationProcess('hukou_cancel', '户口注销流程', 'hukou_cancel',
  '派出所受理并审核，准予注销的办结时注销户口登记（死亡、入伍等）；不予注销的说明理由。', editOnly('contactPhone', 'proofNo'), '不予注销');
const itemChangeProcess = stationProcess('hukou_item_change', '户口登记项目变更流程', 'hukou_item_change',
  '派出所受理并当场审核，准予变更的办结时更新户口登记项目并记入变动轨迹。', editOnly('contactPhone', 'changeReason'), '不予变更');

export const featuredProcesses: readonly FeaturedProcess[] = [
  birthProcess, cancelProcess, itemChangeProcess,
  hukouProcess('hukou_migration', '户口迁移审批流程',
    '派出所受理，县（市、区）公安机关审核、审批；跨省迁入的由迁入地公安机关网上核验迁出地户籍信息（“一站式”迁移）。',
    editOnly('contactPhone', 'fromAddress', 'toAddress', 'householderName', 'relationToHouseholder', 'remark')),
  hukouProcess('hukou_college_enrol', '大中专院校录取新生户口迁入流程',
    '学校所在地派出所受理录取新生户口迁入学校集体户，县（市、区）公安机关审核、审批；外省新生由迁入地网上核验迁出地户籍信息。',
    editOnly('contactPhone', 'toAddress', 'schoolName', 'admissionNoticeNo', 'enrolDate', 'major', 'studentNo', 'remark')),
  hukouProcess('hukou_college_graduate', '大中专院校毕业生户口迁移流程',
    '毕业生户口迁回原籍或迁往就业地：派出所受理，县（市、区）公安机关审核、审批；毕业证书容缺受理的，30日内补交。',
    editOnly('contactPhone', 'toAddress', 'householderName', 'relationToHouseholder', 'employerName', 'remark')),
  cardProcess({ key: 'idcard_application', name: '居民身份证申领、换领流程', formKeys: ['idcard_application'],
    documentation: '窗口受理（采集人像、指纹，收取工本费），县（市、区）公安机关审核签发，制证后邮寄送达或窗口发证。' },
  accept(editOnly('contactPhone', 'photoReceiptNo', 'fingerprint', 'tempIdCard', 'feeExemption', ...mail)), direct,
  { name: '审核签发', limitDays: 3, rejected: '不予签发' }, 10),
  cardProcess({ key: 'idcard_replace', name: '居民身份证补领流程', formKeys: ['idcard_application', 'idcard_online'],
    documentation: '丢失补领：一年内已补领两次以上的，由受理派出所调查核实后再审核签发；制证后邮寄送达或窗口发证。' },
  accept(idCardAccess), {
    nodes: [
      xor('times', '近一年补领次数', 2),
      station('investigate', '调查核实', 3, 3, -1, editOnly('lossPlace', 'lossCircumstance')),
      xor('times_merge', '', 4),
    ],
    flows: [
      ...line('accept', 'times'),
      { from: 'times', to: 'investigate', name: '两次以上', condition: 'replaceTimesInYear >= 2' },
      { from: 'times', to: 'times_merge', name: '其他', isDefault: true },
      ...line('investigate', 'times_merge'),
    ],
    last: 'times_merge', cols: 3,
  }, { name: '审核签发', limitDays: 3, rejected: '不予签发' }, 10),
  cardProcess({ key: 'idcard_online', name: '居民身份证网上换领、补领流程', formKeys: ['idcard_online'],
    documentation: '五年内换领、补领网上办理：受理地派出所网上受理，县（市、区）公安机关审核签发，新证邮寄到家或到选定窗口自取。' },
  accept(editOnly('contactPhone', ...mail, 'pickupRegion', 'pickupOrg'), '网上受理'), direct,
  { name: '审核签发', limitDays: 3, rejected: '不予签发' }, 10),
  cardProcess({ key: 'driving_licence_renewal', name: '机动车驾驶证换证流程', formKeys: ['driving_licence_renewal'],
    documentation: '窗口或网上受理，大中型客货车驾驶证先核查记分及违法记录，审核后当场制证发证或邮寄送达，当日办结。' },
  accept(licenceAccess), {
    nodes: [
      xor('licence_class', '准驾车型', 2),
      bureau('record_check', '记分及违法记录核查', 3, 1, -1),
      xor('class_merge', '', 4),
    ],
    flows: [
      ...line('accept', 'licence_class'),
      { from: 'licence_class', to: 'record_check', name: '大中型客货车', condition: "contains(['A1', 'A2', 'A3', 'B1', 'B2'], licenceClass)" },
      { from: 'licence_class', to: 'class_merge', name: '其他车型', isDefault: true },
      ...line('record_check', 'class_merge'),
    ],
    last: 'class_merge', cols: 3,
  }, { name: '审核', limitDays: 1, rejected: '不予换证' }, 1),
  cardProcess({ key: 'driving_licence_replace', name: '机动车驾驶证补证流程', formKeys: ['driving_licence_renewal'],
    documentation: '驾驶证遗失或损毁补证：受理后审核，当场制证发证或邮寄送达，当日办结。' },
  accept(licenceAccess), direct, { name: '审核', limitDays: 1, rejected: '不予补证' }, 1),
];
