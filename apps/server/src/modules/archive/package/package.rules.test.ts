import { unzipSync, zipSync } from 'fflate';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildPackage, checkPackage, defaultPackageProfile, packageCheckCatalogue, PackageBuildError, readZipDirectory,
  type ArchiveFileInput, type CheckPackageOptions, type PackageCheckReport, type PackageProfile,
} from './index';
import { ecdsaKeys, ed25519Keys, fileInput, sampleFiles, sampleMetadata, type SampleFiles, type TestKeys } from './package.fixtures';
import { sm3Hex } from '@jsga/kernel';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const byId = (r: PackageCheckReport, id: string) => {
  const c = r.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};
const failed = (r: PackageCheckReport) => r.checks.filter((c) => c.status === 'fail').map((c) => c.id);

/** Unzips, lets the test edit the entries, zips again with fflate (as a tampering party would). */
function rezip(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files, { mtime: new Date('2025-06-10T02:00:00Z') });
}

const ID_CARD = '申报文件/001-居民身份证.pdf';
const HUKOU = '申报文件/002-居民户口簿.pdf';
const ADMISSION = '申报文件/003-录取通知书.pdf';
const PHOTO = '申报文件/004-本人近期免冠照片.png';

describe('archive information package: writer and 四性检测', () => {
  let keys: TestKeys;
  let sample: SampleFiles;
  let bytes: Uint8Array;

  const build = (files: ArchiveFileInput[] = sample.files, meta = sampleMetadata(), profile: PackageProfile = defaultPackageProfile, signer = keys.signer) =>
    buildPackage(meta, files, profile, signer, { seq: 7 });
  const check = (b: Uint8Array, extra: Partial<CheckPackageOptions> = {}) =>
    checkPackage(b, {
      profile: defaultPackageProfile, verify: keys.verify, ...extra,
      expected: { requiredMaterials: sample.requiredMaterials, trustedPublicKeys: [keys.publicKeyPem], ...extra.expected },
    });

  beforeAll(async () => {
    keys = ed25519Keys();
    sample = await sampleFiles();
    bytes = (await build()).bytes;
  });

  it('writes the Fuzhou-style layout with metadata, manifest and signature', async () => {
    const built = await build();
    expect(built.packageName).toBe('320102-J032-0100001005-2025-D30-000007');
    expect(readZipDirectory(built.bytes).entries.map((e) => e.name)).toEqual([
      '基本信息元数据.xml', '申报文件/', ID_CARD, HUKOU, ADMISSION, PHOTO, '过程文件/', '过程文件/005-受理通知书.pdf',
      '结果文件/', '结果文件/006-准予迁入证明.ofd', 'manifest.xml', 'manifest.sig.xml',
    ]);
    // Every entry carries the UTF-8 name flag and only stored / deflate.
    for (const e of readZipDirectory(built.bytes).entries) {
      expect(e.flags & 0x0800).toBe(0x0800);
      expect([0, 8]).toContain(e.method);
    }
    expect(built.manifest.totalFiles).toBe(6);
    expect(built.manifest.entries[0].path).toBe('基本信息元数据.xml');
    expect(built.digests).toEqual(expect.objectContaining({ sm3: sm3Hex(built.bytes), size: built.bytes.length }));
    const files = unzipSync(built.bytes);
    const xml = dec(files['基本信息元数据.xml']);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<base_info>')).toBe(true);
    expect(xml).toContain('<handle_opinion>准予迁入 &amp; 已出具准予迁入证明 &lt;电子&gt;</handle_opinion>');
    expect(xml).toContain('<file_actual_name>身份证正反面.pdf</file_actual_name>');
    expect(xml).toContain('<archive_time>2025-06-10T10:00:00+08:00</archive_time>');
    expect(dec(files['manifest.sig.xml'])).toContain('<algorithm>Ed25519</algorithm>');
  });

  it('passes every automatic check of a sound package; antivirus and carrier are left to a person', async () => {
    const report = await check(bytes);
    expect(report.checks.map((c) => c.id)).toEqual(packageCheckCatalogue.map((c) => c.id));
    const notPassed = report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}:${c.status}`);
    expect(notPassed).toEqual(['S1:manual', 'S2:manual']);
    expect(report.ok).toBe(true);
    expect(byId(report, 'A2.1').detail).toBe('无电子签章。');
    for (const c of report.checks) expect(c.detail).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('gives the same bytes for the same input', async () => {
    const again = await build();
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(bytes))).toBe(0);
  });

  it('refuses to build with a repeated 件内顺序号', async () => {
    const twice = [...sample.files, { ...sample.files[0] }];
    await expect(build(twice)).rejects.toThrow(PackageBuildError);
    await expect(build(twice)).rejects.toThrow('件内顺序号 1 重复');
  });

  it('A1 names exactly the file whose byte was changed', async () => {
    const tampered = rezip(bytes, (f) => {
      f[HUKOU] = f[HUKOU].slice();
      f[HUKOU][200] ^= 0x01;
    });
    const report = await check(tampered);
    const a1 = byId(report, 'A1');
    expect(a1.status).toBe('fail');
    expect(a1.files).toEqual([HUKOU]);
    expect(a1.detail).toContain('与清单不一致');
    expect(byId(report, 'A2').status).toBe('pass'); // the manifest itself is intact
    expect(report.ok).toBe(false);
  });

  it('A1 compares the archived bytes with the digests recorded at upload', async () => {
    const files = sample.files.map((f) => (f.seq === 3 ? { ...f, recorded: { sm3: null, sha256: '0'.repeat(64) } } : f));
    const report = await check((await build(files)).bytes);
    expect(byId(report, 'A1')).toEqual(expect.objectContaining({ status: 'fail', files: [ADMISSION] }));
    expect(byId(report, 'A1').detail).toContain('与上传时记录的摘要不一致');
  });

  it('A2 fails when the manifest is altered, whether or not the recorded digest is updated too', async () => {
    const alter = (f: Record<string, Uint8Array>) => {
      f['manifest.xml'] = enc(dec(f['manifest.xml']).replace('<totals', '<entry path="申报文件/补充.pdf" size="1" sm3="' + '0'.repeat(64) + '" sha256="' + '0'.repeat(64) + '"/>\n  <totals'));
    };
    const plain = await check(rezip(bytes, alter));
    expect(byId(plain, 'A2').status).toBe('fail');
    expect(byId(plain, 'A2').files).toContain('manifest.xml');

    // A forger who also rewrites the SM3 in the signature file still cannot produce the signature.
    const forged = await check(rezip(bytes, (f) => {
      alter(f);
      f['manifest.sig.xml'] = enc(dec(f['manifest.sig.xml']).replace(/(<signed_digest algorithm="SM3">)[0-9a-f]+/, `$1${sm3Hex(f['manifest.xml'])}`));
    }));
    expect(byId(forged, 'A2').status).toBe('fail');
    expect(byId(forged, 'A2').detail).toContain('清单签名验证失败');
  });

  it('A2 refuses a valid signature by an untrusted key and only warns when no keys are configured', async () => {
    const other = ed25519Keys();
    const otherBytes = (await build(undefined, undefined, undefined, other.signer)).bytes;
    const untrusted = await check(otherBytes);
    expect(byId(untrusted, 'A2')).toEqual(expect.objectContaining({ status: 'fail' }));
    expect(byId(untrusted, 'A2').detail).toContain('不在可信公钥列表中');
    const unconfigured = await checkPackage(otherBytes, { profile: defaultPackageProfile, verify: keys.verify });
    expect(byId(unconfigured, 'A2').status).toBe('warn');
  });

  it('works with ECDSA P-256 signatures', async () => {
    const ec = ecdsaKeys();
    const built = await build(undefined, undefined, undefined, ec.signer);
    const report = await checkPackage(built.bytes, {
      profile: defaultPackageProfile, verify: ec.verify, expected: { trustedPublicKeys: [ec.publicKeyPem], requiredMaterials: sample.requiredMaterials },
    });
    expect(byId(report, 'A2').status).toBe('pass');
    expect(report.ok).toBe(true);
  });

  it('I5 reports a required material that is missing', async () => {
    const withoutHukou = sample.files.filter((f) => f.standardName !== '居民户口簿').map((f, i) => ({ ...f, seq: i + 1 }));
    const report = await check((await build(withoutHukou)).bytes);
    expect(byId(report, 'I5').status).toBe('fail');
    expect(byId(report, 'I5').detail).toContain('缺少归档材料：居民户口簿（M002）');
    expect(failed(report)).toEqual(['I5']);
  });

  it('A11 reports a file registered in the metadata but missing from the zip', async () => {
    const report = await check(rezip(bytes, (f) => {
      delete f[ADMISSION];
    }));
    expect(byId(report, 'A11').status).toBe('fail');
    expect(byId(report, 'A11').files).toEqual([ADMISSION]);
    expect(byId(report, 'A11').detail).toContain('在包内不存在');
    expect(byId(report, 'I1').status).toBe('fail');
  });

  it('refuses path traversal entries (U4, A12) and executables (S3)', async () => {
    const traversal = await check(rezip(bytes, (f) => {
      f['../x'] = enc('escape');
    }));
    expect(byId(traversal, 'U4')).toEqual(expect.objectContaining({ status: 'fail', files: ['../x'] }));
    expect(byId(traversal, 'A12').status).toBe('fail');
    expect(traversal.ok).toBe(false);

    const exe = new Uint8Array(256);
    exe.set(enc('MZ'), 0);
    const withExe = await check(rezip(bytes, (f) => {
      f['申报文件/007-补充材料.pdf'] = exe;
    }));
    expect(byId(withExe, 'S3')).toEqual(expect.objectContaining({ status: 'fail', files: ['申报文件/007-补充材料.pdf'] }));
    expect(byId(withExe, 'U2').status).toBe('fail');
    expect(byId(withExe, 'A11').status).toBe('fail');
  });

  it('U1 refuses metadata with a DOCTYPE (XXE guard) and the dependent checks cannot pass', async () => {
    const report = await check(rezip(bytes, (f) => {
      const xml = dec(f['基本信息元数据.xml'])
        .replace('?>\n', '?>\n<!DOCTYPE base_info [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
        .replace('<apply_name>张晓明</apply_name>', '<apply_name>&xxe;</apply_name>');
      f['基本信息元数据.xml'] = enc(xml);
    }));
    expect(byId(report, 'U1').status).toBe('fail');
    expect(byId(report, 'U1').detail).toContain('DOCTYPE');
    expect(byId(report, 'A4').status).toBe('fail');
    expect(byId(report, 'I2').detail).toContain('元数据无法读取');
  });

  it('A8 checks the 档号 against the pattern and the metadata, and the package name takes its 件号', async () => {
    const good = await buildPackage(sampleMetadata({ archivalCode: 'J032-ZW·07-2025-D30-0012' }), sample.files, defaultPackageProfile, keys.signer);
    expect(good.packageName).toBe('320102-J032-0100001005-2025-D30-000012');
    const goodReport = await check(good.bytes);
    expect(byId(goodReport, 'A8').status).toBe('pass');
    expect(goodReport.ok).toBe(true);

    const wrongYear = await check((await build(undefined, sampleMetadata({ archivalCode: 'J032-ZW·07-2024-D30-0012' }))).bytes);
    expect(byId(wrongYear, 'A8').status).toBe('fail');
    expect(byId(wrongYear, 'A8').detail).toContain('档号中的年度“2024”与元数据“2025”不一致');

    const malformed = await check((await build(undefined, sampleMetadata({ archivalCode: 'J032-ZW-2025-D30-12' }))).bytes);
    expect(byId(malformed, 'A8').detail).toContain('不符合档号规则');

    const pattern = await check(good.bytes, { expected: { archivalCodePattern: /^J001-/ } });
    expect(byId(pattern, 'A8').status).toBe('fail');
  });

  it('A4–A7 judge metadata values: ID check digit, value domains, time order, special characters', async () => {
    const meta = sampleMetadata({
      applicantIdNo: '320102199003071238',
      acceptedAt: '2025-06-02T10:05:00+08:00',
      retention: 'D5' as 'D30',
      matterTypeCode: '42',
      caseTitle: '张晓明\u0001户口迁移',
      applicantName: '张\uE000明',
      year: 2023,
    });
    const report = await check((await build(undefined, meta)).bytes);
    expect(byId(report, 'A4').detail).toContain('证件号码（公民身份号码）校验位错误');
    expect(byId(report, 'A4').detail).not.toContain('320102199003071238');
    expect(byId(report, 'A5').detail).toContain('保管期限“D5”不在取值范围内');
    expect(byId(report, 'A5').detail).toContain('事项类型代码“42”不在事项类型代码表中');
    expect(byId(report, 'A6').detail).toContain('受理时间早于申请时间');
    expect(byId(report, 'A6').detail).toContain('年度 2023 与办结时间、归档时间的年份均不相符');
    // XML cannot carry U+0001: the writer puts U+FFFD in its place, which A7 reports.
    expect(byId(report, 'A7').detail).toContain('办件名称含替换字符 U+FFFD');
    expect(byId(report, 'A7').detail).toContain('行政相对人名称含私用区字符');
    expect(failed(report)).toEqual(expect.arrayContaining(['A4', 'A5', 'A6', 'A7']));
  });

  it('I3 and I4 report missing process steps and gaps in 件内顺序号', async () => {
    const meta = sampleMetadata();
    meta.process = meta.process.filter((p) => p.code !== '2');
    const gappy = sample.files.map((f) => (f.seq >= 4 ? { ...f, seq: f.seq + 1 } : f));
    const report = await check((await build(gappy, meta)).bytes);
    expect(byId(report, 'I3').detail).toContain('办理过程缺少受理环节');
    expect(byId(report, 'I4').detail).toContain('件内顺序号不连续，缺少 4');
  });

  it('S3 finds JavaScript hidden in a compressed PDF object stream', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]);
    const action = doc.context.register(doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hi")') }));
    doc.catalog.set(PDFName.of('OpenAction'), action);
    const pdf = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(pdf).includes('/JavaScript')).toBe(false); // not visible in the raw bytes
    const files = sample.files.map((f) => (f.seq === 3 ? fileInput({ ...f, bytes: pdf }) : f));
    const report = await check((await build(files)).bytes);
    expect(byId(report, 'S3')).toEqual(expect.objectContaining({ status: 'fail', files: [ADMISSION] }));
    expect(byId(report, 'S3').detail).toContain('JavaScript');
  });

  it('U4 refuses zip bombs and encrypted entries from the central directory, without inflating them', async () => {
    const bomb = await check(rezip(bytes, (f) => {
      f['申报文件/099-炸弹.pdf'] = new Uint8Array(8_000_000);
    }));
    expect(byId(bomb, 'U4').status).toBe('fail');
    expect(byId(bomb, 'U4').detail).toContain('压缩比');

    const encrypted = bytes.slice();
    const view = new DataView(encrypted.buffer);
    for (const e of readZipDirectory(encrypted).entries.filter((x) => x.name === PHOTO)) view.setUint16(e.localOffset + 6, view.getUint16(e.localOffset + 6, true) | 1, true);
    for (let p = 0; p + 4 <= encrypted.length; p++) {
      if (view.getUint32(p, true) !== 0x02014b50) continue;
      const nameLen = view.getUint16(p + 28, true);
      if (dec(encrypted.subarray(p + 46, p + 46 + nameLen)) === PHOTO) view.setUint16(p + 8, view.getUint16(p + 8, true) | 1, true);
    }
    const report = await check(encrypted);
    expect(byId(report, 'U4')).toEqual(expect.objectContaining({ status: 'fail', files: [PHOTO] }));
    expect(byId(report, 'U4').detail).toContain('已加密');
  });

  it('reports what it can about something that is not a zip at all', async () => {
    const report = await check(enc('这不是压缩包'.repeat(10)));
    expect(report.ok).toBe(false);
    expect(byId(report, 'U4').status).toBe('fail');
    expect(byId(report, 'A1').status).toBe('fail');
    expect(byId(report, 'S1').status).toBe('manual');
  });

  it('S1 uses the antivirus engine when one is plugged in', async () => {
    const clean = await check(bytes, { antivirus: async () => 'clean' });
    expect(byId(clean, 'S1').status).toBe('pass');
    const infected = await check(bytes, { antivirus: async (name) => (name === PHOTO ? 'infected' : 'clean') });
    expect(byId(infected, 'S1')).toEqual(expect.objectContaining({ status: 'fail', files: [PHOTO] }));
    const broken = await check(bytes, { antivirus: async () => { throw new Error('引擎未启动'); } });
    expect(byId(broken, 'S1').status).toBe('manual');
  });

  it('I1 compares the totals with the 归档登记', async () => {
    const report = await check(bytes, { expected: { totalFiles: 7, totalBytes: 1 } });
    expect(byId(report, 'I1').status).toBe('fail');
    expect(byId(report, 'I1').detail).toContain('归档登记的总件数 7 与包内实际 6 件不符');
  });

  it('follows another profile: other names, folders and China-time dates', async () => {
    const profile: PackageProfile = {
      ...defaultPackageProfile,
      id: 'jiangsu-test', name: '江苏测试方案', metadataFileName: 'metadata.xml', signatureFileName: 'manifest.sig',
      folderNames: { application: '01-申请材料', process: '02-办理过程', result: '03-办理结果' },
      fileNamePattern: '{electronicRecordNo}', entryNamePattern: '{fileCode}-{standardName}.{ext}', dateTimeFormat: 'local',
      elements: { ...defaultPackageProfile.elements, root: 'archive_package' },
    };
    const built = await buildPackage(sampleMetadata(), sample.files, profile, keys.signer);
    expect(built.packageName).toBe('320102-J032-0100001005-2025-D30-000007');
    const files = unzipSync(built.bytes);
    expect(Object.keys(files)).toContain('01-申请材料/A001-居民身份证.pdf');
    expect(dec(files['metadata.xml'])).toContain('<archive_time>2025-06-10 10:00:00</archive_time>');
    const report = await checkPackage(built.bytes, { profile, verify: keys.verify, expected: { trustedPublicKeys: [keys.publicKeyPem], requiredMaterials: sample.requiredMaterials } });
    expect(report.ok).toBe(true);
    // Checked against the default profile, the same package does not conform.
    const mismatch = await check(built.bytes);
    expect(byId(mismatch, 'A12').status).toBe('fail');
  });
});
