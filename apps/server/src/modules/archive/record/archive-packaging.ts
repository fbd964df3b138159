import { caseActionLabels, matterTypeLabels, matterTypeNationalCode, nationalMatterTypes, type ArchiveCheckResult, type ArchiveRuleView, type CaseView, type MatterType } from '@jsga/contracts';
import { chinaDate, readAll, type Queryable } from '@jsga/kernel';
import type { CaseApi } from '../../../centres/case';
import type { ElicenseApi } from '../../../centres/elicense';
import type { FilesApi } from '../../../centres/files';
import type { IdentityApi } from '../../../centres/identity';
import type { MatterApi } from '../../../centres/matter';
import { archivalCodeRegex } from '../code/archival-code.rules';
import {
  buildPackage, checkPackage, defaultPackageProfile, xmlText, type ArchiveFileInput, type ArchiveMetadata, type ArchiveProcessRecord, type PackageProfile, type PackageSigner,
  type SignatureVerifier,
} from '../package';
import { missingItems, type CollectedItem } from '../rule/archive-rule.rules';
import type { ArchiveRecordRow } from './archive.repo';

/**
 * 收集 → 整理 → 清点 → 形成归档信息包 → 归档检测 for one record: the case's files and metadata gathered
 * through the centres' APIs, ordered by the rule's 归档材料目录, packaged and checked.
 */

export type PackagingDeps = {
  cases: Pick<CaseApi, 'findCase' | 'documentsForArchive'>;
  matter: Pick<MatterApi, 'getVersion' | 'deriveChecklist'>;
  files: Pick<FilesApi, 'getMeta' | 'readBytes'>;
  elicense: Pick<ElicenseApi, 'get' | 'listTypes'>;
  identity: Pick<IdentityApi, 'findOrg'>;
  codes: { fonds: string; category: string; pattern: string };
  profile?: PackageProfile;
};

/** 办理环节 codes of the package metadata: 1 收件, 2 受理, 3 审核, 4 办结, 11 补齐补正, 12 挂起, 99 其他. */
const stepCodes: Record<string, string> = {
  submit: '1', pre_review: '1', accept: '2', accept_tolerated: '2', approve_step: '3', conclude: '4',
  request_supplement: '11', supplement_received: '11', tolerated_completed: '11', tolerated_supplied: '11', start_special: '12', end_special: '12',
};

type Collected = { meta: Omit<ArchiveMetadata, 'archivalCode' | 'archivedAt'>; files: ArchiveFileInput[]; missing: Array<{ kind: string; name: string }>; typeCode: string };

export function createPackaging(deps: PackagingDeps) {
  const profile: PackageProfile = deps.profile ?? { ...defaultPackageProfile, archivalCode: { template: deps.codes.pattern, categoryCode: deps.codes.category } };

  async function collect(q: Queryable, record: ArchiveRecordRow, rule: ArchiveRuleView): Promise<Collected> {
    const c = (await deps.cases.findCase(q, record.caseId)) as CaseView;
    const [version, docs, org, checklist] = await readAll(q, [
      () => deps.matter.getVersion(c.matterVersionId, q), () => deps.cases.documentsForArchive(q, c.id), () => deps.identity.findOrg(q, c.orgId),
      () => deps.matter.deriveChecklist(c.matterVersionId, c.situationAnswers, q),
    ] as const);
    const files: Omit<ArchiveFileInput, 'seq'>[] = [];
    const collected: CollectedItem[] = [];
    const pdf = (folder: ArchiveFileInput['folder'], standardName: string, doc: { bytes: Uint8Array; fileName: string }, kind: CollectedItem['kind']) => {
      files.push({ folder, materialCode: null, standardName, fileName: doc.fileName, mime: 'application/pdf', bytes: doc.bytes, createdAt: new Date().toISOString(), recorded: { sha256: null, sm3: null } });
      collected.push({ kind, materialCode: null });
    };
    const stored = async (folder: ArchiveFileInput['folder'], standardName: string, fileId: string, materialCode: string | null, kind: CollectedItem['kind']) => {
      const meta = await deps.files.getMeta(q, fileId);
      const bytes = meta && (await deps.files.readBytes(meta.sha256));
      if (!meta || !bytes) return;
      files.push({ folder, materialCode, standardName, fileName: meta.fileName, mime: meta.mime, bytes, createdAt: meta.createdAt, recorded: { sha256: meta.sha256, sm3: meta.sm3 } });
      collected.push({ kind, materialCode });
    };
    const types = new Map((await deps.elicense.listTypes(q)).map((t) => [t.code, t.name]));
    const catalogue = rule.catalogue;
    const folderOf = (kind: string, code: string | null, fallback: ArchiveFileInput['folder']) =>
      catalogue.find((x) => x.kind === kind && (kind !== 'material' || x.materialCode === code))?.folder ?? fallback;

    // 整理: in catalogue order, then anything the case has that the catalogue does not name
    const order = [...catalogue.map((x) => `${x.kind}:${x.materialCode ?? ''}`)];
    const rank = (kind: string, code: string | null) => { const i = order.indexOf(`${kind}:${code ?? ''}`); return i < 0 ? order.length : i; };
    if (docs.applicationForm) pdf(folderOf('application_form', null, 'application'), '申请表', docs.applicationForm, 'application_form');
    for (const m of c.materials) {
      const name = catalogue.find((x) => x.kind === 'material' && x.materialCode === m.materialCode)?.name ?? m.name;
      if (m.fileId) await stored(folderOf('material', m.materialCode, 'application'), name, m.fileId, m.materialCode, 'material');
      else if (m.licenceId) {
        // 免证办: the licence is referenced, not copied (the e-licence library keeps it)
        const l = await deps.elicense.get(q, m.licenceId);
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<licence_reference>\n  <type>${xmlText(types.get(l.typeCode) ?? l.typeCode)}</type>\n  <licence_no>${xmlText(l.licenceNo)}</licence_no>\n`
          + `  <identifier>${xmlText(l.identifier ?? '')}</identifier>\n  <holder>${xmlText(l.holderName)}</holder>\n  <issuer>${xmlText(l.issuerName ?? '')}</issuer>\n`
          + `  <valid_from>${l.validFrom ?? ''}</valid_from>\n  <valid_to>${l.validTo ?? ''}</valid_to>\n  <used_at>${m.at}</used_at>\n</licence_reference>\n`;
        files.push({ folder: folderOf('material', m.materialCode, 'application'), materialCode: m.materialCode, standardName: name, fileName: `${name}（电子证照）.xml`,
          mime: 'application/xml', bytes: new TextEncoder().encode(xml), createdAt: m.at, recorded: { sha256: null, sm3: null } });
        collected.push({ kind: 'material', materialCode: m.materialCode });
      }
    }
    for (const l of c.links.filter((x) => x.kind === 'tolerance_promise')) await stored(folderOf('tolerance_promise', null, 'process'), '容缺受理承诺书', l.refId, null, 'tolerance_promise');
    pdf(folderOf('process_record', null, 'process'), '办理过程记录', docs.processRecord, 'process_record');
    for (const l of c.links.filter((x) => x.kind === 'result_document')) await stored(folderOf('result_document', null, 'result'), l.label || '结果文书', l.refId, null, 'result_document');

    const folderRank = { application: 0, process: 1, result: 2 } as const;
    const ordered = files
      // files and collected are pushed in pairs: the same index names the item's kind
      .map((f, i) => ({ f, i, r: rank(collected[i].kind, f.materialCode) }))
      .sort((a, b) => folderRank[a.f.folder] - folderRank[b.f.folder] || a.r - b.r || a.i - b.i)
      .map(({ f }, i) => ({ ...f, seq: i + 1 }));

    const matterType = version.config.matterType as MatterType;
    const typeCode = matterTypeNationalCode[matterType];
    const process: ArchiveProcessRecord[] = c.history
      .filter((h) => h.action !== 'migrate_process')
      .map((h) => {
        // the last approval step concludes the case: 办结
        const concluding = h.toStatus === 'concluded' && h.fromStatus !== 'concluded';
        return { step: concluding ? '办结' : caseActionLabels[h.action as keyof typeof caseActionLabels] ?? h.action, code: concluding ? '4' : stepCodes[h.action] ?? '99', actor: h.userName, org: h.orgName, opinion: h.opinion, at: h.at };
      });
    const submitted = c.history.find((h) => h.action === 'submit')?.at ?? c.submittedAt;
    const meta: Collected['meta'] = {
      electronicRecordNo: `${deps.codes.fonds}-${c.caseNo}`, fondsCode: deps.codes.fonds, regionCode: org?.regionCode ?? c.caseNo.slice(0, 6),
      matterCode: c.matterCode, matterName: c.matterName, matterVersion: c.matterVersionNo, matterTypeCode: typeCode,
      matterTypeName: nationalMatterTypes.find((t) => t.code === typeCode)?.name ?? matterTypeLabels[matterType],
      caseNo: c.caseNo, caseTitle: `${c.applicantName}申请${c.matterName}`, applicantName: c.applicantName, applicantType: c.applicantType,
      applicantIdType: c.applicantType === 'natural_person' ? '居民身份证' : '统一社会信用代码', applicantIdNo: docs.applicantIdNo, orgName: c.orgName ?? '', orgCode: null,
      submittedAt: submitted, acceptedAt: c.acceptedAt, concludedAt: c.concludedAt ?? record.concludedAt.toISOString(), result: c.result!,
      retention: rule.retention, securityLevel: rule.securityLevel, openness: rule.openness, year: record.year, process,
    };
    // 清点 asks for a material only when the case's situations required it and the applicant had to hand it in
    const needed = new Set(checklist.materials.filter((m) => m.required && m.source !== 'shared_data').map((m) => m.code));
    const counted = catalogue.map((x) => (x.kind === 'material' ? { ...x, required: x.required && needed.has(x.materialCode ?? '') } : x));
    return { meta, files: ordered, missing: missingItems(counted, collected), typeCode };
  }

  return {
    profile,
    collect,
    /** Builds the package (with the 档号 when given) and runs the 四性检测 on its bytes; 清点 misses fail I5. */
    async buildAndCheck(input: { collected: Collected; archivalCode: string | null; archivedAt: Date; signer: PackageSigner; verify: SignatureVerifier; trustedPublicKeys: string[]; seq?: number }) {
      const meta: ArchiveMetadata = { ...input.collected.meta, archivalCode: input.archivalCode, archivedAt: input.archivedAt.toISOString() };
      const built = await buildPackage(meta, input.collected.files, profile, input.signer, { seq: input.seq ?? 0 });
      const report = await checkPackage(built.bytes, {
        profile, verify: input.verify, now: new Date(input.archivedAt.getTime() + 1000),
        expected: {
          trustedPublicKeys: input.trustedPublicKeys, totalFiles: input.collected.files.length, totalBytes: input.collected.files.reduce((n, f) => n + f.bytes.length, 0),
          ...(input.archivalCode ? { archivalCodePattern: archivalCodeRegex(deps.codes.pattern) } : {}),
        },
      });
      const checks: ArchiveCheckResult[] = [...report.checks];
      if (input.collected.missing.length) {
        checks.push({ id: 'I5.1', property: 'integrity', name: '归档材料清点', status: 'fail', detail: `归档材料目录中的必需材料缺失：${input.collected.missing.map((m) => m.name).join('、')}` });
      }
      return { built, checks, ok: checks.every((x) => x.status !== 'fail') };
    },
    yearOf: (d: Date) => Number(chinaDate(d).slice(0, 4)),
  };
}
export type Packaging = ReturnType<typeof createPackaging>;
