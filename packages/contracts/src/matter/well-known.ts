/**
 * Codes of the seeded matters that the demonstrations and business modules refer to. The seed derives
 * codes from the tender catalogues deterministically; a test checks these still match.
 */
export const wellKnownMatterCodes = {
  /** 户口迁移审批 (demonstration 2: 大中专院校学生户口迁移 is one of its situations) */
  hukouMigration: 'JS-Z001',
  /** 居民身份证（五年以内换补领身份证业务）: online renewal and replacement */
  idCardOnline: 'JS-Z008',
  /** 居民身份证（含临时居民身份证）业务: 申领 at the window (demonstration 3) */
  idCardApplication: 'JS-Z029',
  /** 驾驶证补证、换证: a 交管 matter handled on 苏证通/苏服办 and at the window */
  drivingLicenceRenewal: 'JS-J007',
  /** 婚生婴儿出生登记申报: registers the child in the registry and gives the ID number (hukou birth_registration) */
  birthRegistration: 'JS-Z043',
} as const;
export type WellKnownMatter = keyof typeof wellKnownMatterCodes;
