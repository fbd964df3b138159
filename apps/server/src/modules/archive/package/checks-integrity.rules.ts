import { fromFindings, metadataUnavailable, result, type CheckContext, type Finding } from './check-support.rules';
import { metadataFieldLabels as L, metadataFields, type CheckResult, type MetadataField } from './package.types';

/** 完整性 (integrity) checks I1–I5. */

/** I1 数据总量: file count and bytes = metadata totals = manifest totals = 归档登记 (when given). */
export function checkTotals(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('I1', 'fail', metadataUnavailable(ctx));
  const files = ctx.pkg.content.length + [...ctx.pkg.skipped.keys()].filter((p) => !p.endsWith('/') && !Object.values(ctx.pkg.rootFiles).includes(p)).length;
  const bytes = ctx.pkg.entries.filter((e) => !e.isDirectory && !Object.values(ctx.pkg.rootFiles).includes(e.name)).reduce((s, e) => s + e.uncompressedSize, 0);
  const findings: Finding[] = [];
  const compare = (source: string, count: number | undefined, size: number | undefined) => {
    if (count !== undefined && count !== files) findings.push({ message: `${source}的总件数 ${Number.isNaN(count) ? '无效' : count} 与包内实际 ${files} 件不符` });
    if (size !== undefined && size !== bytes) findings.push({ message: `${source}的总字节数 ${Number.isNaN(size) ? '无效' : size} 与包内实际 ${bytes} 字节不符` });
  };
  const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : /^\d+$/.test(s) ? Number(s) : NaN);
  compare('元数据', num(m.totalFiles), num(m.totalBytes));
  if (m.files.length !== files) findings.push({ message: `元数据登记 ${m.files.length} 个文件，包内实际 ${files} 个` });
  const manifest = ctx.pkg.manifest.value;
  if (manifest) compare('清单', manifest.totalFiles, manifest.totalBytes);
  const expected = ctx.options.expected;
  compare('归档登记', expected?.totalFiles, expected?.totalBytes);
  const sources = ['元数据', manifest && '清单', (expected?.totalFiles !== undefined || expected?.totalBytes !== undefined) && '归档登记'].filter(Boolean).join('、');
  return fromFindings('I1', findings, `包内共 ${files} 个文件、${bytes} 字节，与${sources}一致`);
}

/** Items every package must carry; 档号 comes later, 受理时间 only after 受理, the org's code is optional. */
const REQUIRED: MetadataField[] = metadataFields.filter((f) => !['archivalCode', 'acceptedAt', 'orgCode'].includes(f));

/** I2 mandatory metadata present and non-empty (conditional ones when their condition holds). */
export function checkRequiredMetadata(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('I2', 'fail', metadataUnavailable(ctx));
  const findings: Finding[] = [];
  const empty = (v: string | undefined) => v === undefined || v.trim() === '';
  const missing = REQUIRED.filter((f) => empty(m.fields[f])).map((f) => L[f]);
  if (missing.length) findings.push({ message: `缺少必填项：${missing.join('、')}` });
  if (empty(m.fields.acceptedAt) && (m.fields.result === 'approved' || m.process.some((p) => p.code === '2'))) {
    findings.push({ message: '已受理的办件缺少受理时间' });
  }
  if (empty(m.totalFiles)) findings.push({ message: '缺少包内总件数' });
  if (empty(m.totalBytes)) findings.push({ message: '缺少包内总字节数' });
  if (!m.hasProcess) findings.push({ message: '缺少办理过程信息' });
  if (!m.hasFileset) findings.push({ message: '缺少文件目录（fileset）' });
  const fileItems: Array<[keyof (typeof m.files)[number], string]> = [
    ['seq', '件内顺序号'], ['fileCode', '文件编号'], ['standardName', '标准名称'], ['actualName', '实际名称'], ['format', '格式信息'],
    ['path', '计算机文件名'], ['size', '文件大小'], ['createdAt', '形成时间'],
  ];
  m.files.forEach((f, i) => {
    const lacks = fileItems.filter(([k]) => empty(f[k] as string | undefined)).map(([, label]) => label);
    if (lacks.length) findings.push({ message: `第 ${i + 1} 个文件缺少${lacks.join('、')}`, file: f.path });
  });
  m.process.forEach((p, i) => {
    const lacks = [empty(p.step) && '环节名称', empty(p.code) && '环节代码', empty(p.at) && '办理时间'].filter(Boolean);
    if (lacks.length) findings.push({ message: `第 ${i + 1} 条办理过程缺少${lacks.join('、')}` });
  });
  return fromFindings('I2', findings, `必填著录项目齐全（${REQUIRED.length} 项基本信息，${m.files.length} 个文件条目，${m.process.length} 条办理过程）`);
}

/** I3 办理过程: 收件 and 办结 always; 受理 unless the application was refused before acceptance. */
export function checkProcessInfo(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('I3', 'fail', metadataUnavailable(ctx));
  if (m.process.length === 0) return result('I3', 'fail', '没有办理过程记录');
  const codes = new Set(m.process.map((p) => p.code?.trim()));
  const refusedBeforeAcceptance = m.fields.result === 'disapproved' && !m.fields.acceptedAt?.trim();
  const required: Array<[string, string]> = [['1', '收件'], ...(refusedBeforeAcceptance ? [] : [['2', '受理'] as [string, string]]), ['4', '办结']];
  const missing = required.filter(([c]) => !codes.has(c)).map(([, n]) => n);
  if (missing.length) return result('I3', 'fail', `办理过程缺少${missing.join('、')}环节`);
  return result('I3', 'pass', `办理过程共 ${m.process.length} 条，含${required.map(([, n]) => n).join('、')}环节`);
}

/** I4 件内顺序号 1..n without gaps or repeats; file codes unique. */
export function checkContinuity(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('I4', 'fail', metadataUnavailable(ctx));
  const findings: Finding[] = [];
  const seqs = m.files.map((f) => (f.seq && /^\d+$/.test(f.seq) ? Number(f.seq) : null));
  if (seqs.some((s) => s === null)) findings.push({ message: '有文件的件内顺序号缺失或不是整数' });
  const valid = seqs.filter((s): s is number => s !== null);
  const dup = [...new Set(valid.filter((s, i) => valid.indexOf(s) !== i))];
  if (dup.length) findings.push({ message: `件内顺序号重复：${dup.join('、')}` });
  const max = Math.max(0, ...valid);
  const gaps: number[] = [];
  for (let i = 1; i <= max && gaps.length < 20; i++) if (!valid.includes(i)) gaps.push(i);
  if (gaps.length) findings.push({ message: `件内顺序号不连续，缺少 ${gaps.join('、')}` });
  if (valid.length && Math.min(...valid) < 1) findings.push({ message: '件内顺序号应从 1 开始' });
  const codes = m.files.map((f) => f.fileCode).filter((c): c is string => !!c);
  const dupCodes = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
  if (dupCodes.length) findings.push({ message: `文件编号重复：${dupCodes.join('、')}` });
  return fromFindings('I4', findings, `件内顺序号 1–${m.files.length} 连续，无缺号或重号`);
}

/** I5 清点: every registered file present and non-empty; required materials of the 归档材料目录 present. */
export function checkContentComplete(ctx: CheckContext): CheckResult {
  const m = ctx.pkg.metadata.read;
  if (!m) return result('I5', 'fail', metadataUnavailable(ctx));
  const findings: Finding[] = [];
  for (const f of m.files) {
    const data = f.path ? ctx.pkg.files.get(f.path) : undefined;
    if (data && data.length === 0) findings.push({ message: `${f.path} 是空文件`, file: f.path });
    else if (!data && f.size === '0') findings.push({ message: `${f.path ?? f.standardName} 登记为空文件`, file: f.path });
  }
  const required = ctx.options.expected?.requiredMaterials;
  if (required) {
    for (const r of required) {
      const found = m.files.some((f) => (r.code && f.materialCode?.trim() === r.code) || f.standardName?.trim() === r.name);
      if (!found) findings.push({ message: `缺少归档材料：${r.name}${r.code ? `（${r.code}）` : ''}` });
    }
  } else findings.push({ level: 'warn', message: '未提供归档材料目录，未做清点，仅检查了文件非空' });
  return fromFindings('I5', findings, `归档材料目录所列 ${required?.length ?? 0} 项材料齐全，文件均非空`);
}
