import { idCheckChar } from '@jsga/form-engine';

const idNo = (first17: string) => first17 + idCheckChar(first17);

/**
 * Named households and persons of the demo registry, besides the generated population: the ones the
 * acceptance demonstrations and tests act on. Numbers are synthetic (valid by GB 11643 construction).
 */
export const DEMO_REGISTRY = {
  /** 东南大学 (四牌楼校区) 学生集体户 at 新街口派出所: where admitted students' 户口 moves to. */
  seuCollective: { householdNo: '010290001', name: '东南大学学生集体户', address: '江苏省南京市玄武区四牌楼2号', regionCode: '320102', station: '新街口派出所' },
  /** A freshman of 2026 whose family household is in 昆山 (demonstration 2: eligible for 录取迁入). */
  freshman: { name: '王小明', idNo: idNo('32058320080315101'), birthDate: '2008-03-15', sex: '1' },
  freshmanFamily: {
    householdNo: '058390001', address: '江苏省昆山市玉山镇人民路88号', regionCode: '320583',
    father: { name: '王建国', idNo: idNo('32058319780612101'), birthDate: '1978-06-12', sex: '1' },
    mother: { name: '李秀英', idNo: idNo('32058319800923102'), birthDate: '1980-09-23', sex: '2' },
  },
  /** A student already in the 东南大学 collective household (ineligible for a second 录取迁入). */
  enrolledStudent: { name: '赵一鸣', idNo: idNo('32010220060521201'), birthDate: '2006-05-21', sex: '1' },
  /** The demo citizen's family household (same people as the e-licence demo data). */
  citizenFamily: {
    householdNo: '320102881', address: '江苏省南京市玄武区珠江路88号1幢302室', regionCode: '320102', station: '新街口派出所',
  },
} as const;
