import { ethnicityLabels, type EthnicityCode, type IdSex } from '@jsga/contracts';

/** What the 出生登记申报表 says about the child, checked; the form engine has validated each field already. */
export type BirthDeclaration = {
  childName: string; sex: IdSex; birthDate: string; birthPlaceCode: string; ethnicity: EthnicityCode;
  fatherIdNo: string; motherIdNo: string; householdNo: string; relationToHead: string; late: boolean;
};

/** 民族 as a form shows it (汉族) → its GB/T 3304 code, or null. Pure. */
export const ethnicityCodeOf = (label: unknown): EthnicityCode | null =>
  (Object.entries(ethnicityLabels).find(([, l]) => l === label)?.[0] as EthnicityCode | undefined) ?? null;

/** The declaration from the case's form data, or the reason it cannot be registered. Pure. */
export function readBirthDeclaration(form: Record<string, unknown>, today: string): { ok: true; value: BirthDeclaration } | { ok: false; reason: string } {
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
  const ethnicity = ethnicityCodeOf(form.childEthnicity);
  const birthDate = text('childBirthDate');
  const sex = text('childSex');
  if (!text('childName')) return { ok: false, reason: '申报表缺少出生人姓名' };
  if (sex !== '1' && sex !== '2') return { ok: false, reason: '申报表缺少出生人性别' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || birthDate > today) return { ok: false, reason: '出生日期无效' };
  if (!/^\d{6}$/.test(text('childBirthPlace'))) return { ok: false, reason: '出生地不是有效的行政区划代码' };
  if (!ethnicity) return { ok: false, reason: '民族不在民族代码表中' };
  if (!text('householdNo')) return { ok: false, reason: '申报表缺少落户户号' };
  const lateCutoff = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return {
    ok: true,
    value: {
      childName: text('childName'), sex, birthDate, birthPlaceCode: text('childBirthPlace'), ethnicity,
      fatherIdNo: text('fatherIdNo').toUpperCase(), motherIdNo: text('motherIdNo').toUpperCase(), householdNo: text('householdNo'),
      relationToHead: text('relationToHead') || '99', late: birthDate < lateCutoff,
    },
  };
}
