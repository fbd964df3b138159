import { fromFindings, result, summarise, type CheckContext, type Finding } from './check-support.rules';
import { EXECUTABLE_EXTENSIONS, extensionOf, isExecutableContent } from './file-format.rules';
import type { CheckResult } from './package.types';

/** 安全性 (security) checks S1–S3. */

/** S1 virus scan through the pluggable engine; without one the item goes to a person, never to pass. */
export async function checkAntivirus(ctx: CheckContext): Promise<CheckResult> {
  const scan = ctx.options.antivirus;
  if (!scan) return result('S1', 'manual', '未配置杀毒引擎，须人工进行病毒查杀');
  const infected: string[] = [];
  const errors: string[] = [];
  for (const [path, data] of ctx.pkg.files) {
    try {
      if ((await scan(path, data)) === 'infected') infected.push(path);
    } catch (e) {
      errors.push(`${path}：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (infected.length) return result('S1', 'fail', `发现感染病毒的文件 ${infected.length} 个`, infected);
  if (errors.length) return result('S1', 'manual', `杀毒引擎调用失败，须人工复查：${summarise(errors, 3)}`);
  const unscanned = [...ctx.pkg.skipped.keys()].filter((p) => !p.endsWith('/'));
  if (unscanned.length) return result('S1', 'manual', `${ctx.pkg.files.size} 个文件未发现病毒，另有 ${unscanned.length} 个文件无法解压，未能查杀`, unscanned);
  return result('S1', 'pass', `已对 ${ctx.pkg.files.size} 个文件进行病毒查杀，未发现病毒`);
}

/** S2 carrier: only offline carriers can be inspected, and only by a person. */
export function checkCarrier(ctx: CheckContext): CheckResult {
  if ((ctx.options.carrier ?? 'online') === 'offline') return result('S2', 'manual', '信息包通过离线载体移交，须人工检查载体可读、无非归档文件，光盘按 DA/T 38 检测');
  return result('S2', 'manual', '信息包通过网络在线归档，不使用离线载体，载体安全检测不适用');
}

/** S3 no programs or scripts in the package, and no JavaScript, launch actions or embedded files in PDFs. */
export function checkExecutableContent(ctx: CheckContext): CheckResult {
  const findings: Finding[] = [];
  for (const [path, data] of ctx.pkg.files) {
    if (isExecutableContent(data)) findings.push({ message: `${path} 是可执行程序或脚本`, file: path });
    else if (EXECUTABLE_EXTENSIONS.has(extensionOf(path))) findings.push({ message: `${path} 的扩展名表明是可执行程序或脚本`, file: path });
  }
  for (const path of ctx.pkg.skipped.keys()) {
    if (EXECUTABLE_EXTENSIONS.has(extensionOf(path))) findings.push({ message: `${path} 的扩展名表明是可执行程序或脚本`, file: path });
  }
  for (const c of ctx.pkg.content) {
    for (const a of c.inspection?.activeContent ?? []) findings.push({ message: `${c.path} 含${a}`, file: c.path });
  }
  return fromFindings('S3', findings, '未发现可执行程序或脚本，PDF 中没有 JavaScript、启动动作或嵌入文件');
}
