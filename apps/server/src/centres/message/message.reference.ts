import type { Db } from '@jsga/kernel';
import type { MessageService } from './message.service';

/** Built-in templates other centres send; administrators may reword them (the code stays). */
export const builtInTemplates = [
  { code: 'task.assigned', name: '待办提醒', channel: 'inbox', title: '新的待办：{{nodeName}}', body: '办件 {{caseNo}}（{{matterName}}）已到“{{nodeName}}”，请在 {{dueDate}} 前办理。' },
  { code: 'task.remind', name: '催办提醒', channel: 'inbox', title: '催办：{{nodeName}}', body: '{{fromName}}催办办件 {{caseNo}} 的“{{nodeName}}”：{{note}}' },
  { code: 'task.cc', name: '抄送通知', channel: 'inbox', title: '抄送：{{nodeName}}', body: '{{fromName}}将办件 {{caseNo}} 的“{{nodeName}}”抄送给您：{{note}}' },
  { code: 'sla.warning', name: '超期预警', channel: 'inbox', title: '即将超期：{{caseNo}}', body: '办件 {{caseNo}} 的“{{nodeName}}”将于 {{dueDate}} 到期，请尽快办理。' },
  { code: 'sla.overdue', name: '超期告警', channel: 'inbox', title: '已超期：{{caseNo}}', body: '办件 {{caseNo}} 的“{{nodeName}}”已于 {{dueDate}} 到期未办结。' },
  { code: 'case.accepted.sms', name: '受理短信', channel: 'sms', body: '【江苏公安】您申请的{{matterName}}已受理，办件编号{{caseNo}}，可在“苏证通”查询进度。' },
  { code: 'case.supplement.sms', name: '补正短信', channel: 'sms', body: '【江苏公安】您申请的{{matterName}}（{{caseNo}}）需补充材料：{{reason}}。请登录办理补正。' },
  { code: 'case.concluded.sms', name: '办结短信', channel: 'sms', body: '【江苏公安】您申请的{{matterName}}（{{caseNo}}）已办结，欢迎对本次服务评价。' },
  { code: 'citizen.login.sms', name: '公众登录验证码', channel: 'sms', body: '【江苏公安】您的登录验证码为{{code}}，{{minutes}}分钟内有效。请勿向他人泄露。' },
  { code: 'case.tolerance.supplied', name: '容缺材料已补交', channel: 'inbox', title: '容缺材料已补交：{{caseNo}}', body: '办件 {{caseNo}}（{{matterName}}）的申请人已补交容缺材料：{{materials}}，请核对后办理“容缺材料补齐”。' },
  { code: 'case.tolerance.overdue', name: '容缺补交逾期告警', channel: 'inbox', title: '容缺材料逾期：{{caseNo}}', body: '办件 {{caseNo}}（{{matterName}}）承诺于 {{deadline}} 前补交的材料（{{materials}}）逾期未交，请联系申请人或按承诺不予受理。' },
  { code: 'case.tolerance.overdue.sms', name: '容缺补交逾期短信', channel: 'sms', body: '【江苏公安】您申请的{{matterName}}（{{caseNo}}）承诺于{{deadline}}前补交的材料（{{materials}}）尚未提交，请尽快登录补交或到窗口补交。' },
  { code: 'case.returned.sms', name: '退件短信', channel: 'sms', body: '【江苏公安】您申请的{{matterName}}（{{caseNo}}）未通过预审：{{reason}}。可修改后重新提交。' },
] as const;

export async function seedMessageReference(db: Db, service: MessageService) {
  await db.transaction(async (tx) => {
    for (const t of builtInTemplates) {
      // existing wording is kept: only missing templates are added
      await service.upsertTemplateIfMissing(tx, { ...t, title: 'title' in t ? t.title : '' });
    }
  });
}
