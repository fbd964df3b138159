import { z } from 'zod';
import { ListQuery } from '../common';

export const OrgLevel = z.enum(['province', 'city', 'county', 'station', 'window', 'department']);
export type OrgLevel = z.infer<typeof OrgLevel>;
export const orgLevelLabels: Record<OrgLevel, string> = {
  province: '省公安厅', city: '设区市公安局', county: '县(市、区)公安局/分局',
  station: '派出所', window: '政务服务窗口', department: '警种部门',
};

export const PoliceType = z.enum(['zhian', 'jiaoguan', 'churujing', 'neibao', 'jindu', 'wangan', 'jianguan', 'renkou', 'kexin']);
export type PoliceType = z.infer<typeof PoliceType>;
export const policeTypeLabels: Record<PoliceType, string> = {
  zhian: '治安', jiaoguan: '交管', churujing: '出入境', neibao: '内保', jindu: '禁毒',
  wangan: '网安', jianguan: '监管', renkou: '人口', kexin: '科信',
};

export const OrgView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: OrgLevel,
  parentId: z.uuid().nullable(),
  regionCode: z.string().nullable().describe('GB/T 2260 行政区划代码'),
  policeType: PoliceType.nullable(),
  sort: z.number().int(),
  status: z.enum(['active', 'disabled']),
  childCount: z.number().int(),
});
export type OrgView = z.infer<typeof OrgView>;

export const OrgListQuery = ListQuery.extend({
  parentId: z.uuid().optional().describe('只列出该机构的直接下级'),
  level: OrgLevel.optional(),
});
export type OrgListQuery = z.infer<typeof OrgListQuery>;

export const CreateOrgBody = z.object({
  code: z.string().trim().regex(/^[0-9A-Za-z_-]{2,32}$/, '机构代码须为2-32位字母、数字、下划线或短横线'),
  name: z.string().trim().min(2, '机构名称至少2个字').max(64, '机构名称不超过64个字'),
  level: OrgLevel,
  parentId: z.uuid(),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码为6位数字').nullable().optional(),
  policeType: PoliceType.nullable().optional(),
  sort: z.number().int().min(0).max(9999).default(0),
});
export type CreateOrgBody = z.infer<typeof CreateOrgBody>;

export const UpdateOrgBody = z.object({
  name: z.string().trim().min(2, '机构名称至少2个字').max(64).optional(),
  sort: z.number().int().min(0).max(9999).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type UpdateOrgBody = z.infer<typeof UpdateOrgBody>;
