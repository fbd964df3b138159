import { createHash, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { deflateSync as zlibDeflate } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ArchiveFileInput, ArchiveMetadata, PackageSigner, SignatureVerifier } from './package.types';
import { crc32, writeZip } from './zip.rules';

/**
 * Test material for the package writer and checker: real node:crypto signers, small real PDFs, a PNG and
 * an OFD, and a 大中专院校学生户口迁移 case. Also usable by the archive service's own tests.
 */

export type TestKeys = { signer: PackageSigner; verify: SignatureVerifier; publicKeyPem: string };

const pemOf = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();

/** Ed25519: deterministic signatures, so a package built twice is byte-identical. */
export function ed25519Keys(): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = pemOf(publicKey);
  return { publicKeyPem, signer: { algorithm: 'Ed25519', publicKeyPem, sign: (data) => new Uint8Array(sign(null, data, privateKey)) }, verify: nodeVerify };
}

/** ECDSA P-256 with SHA-256 (randomised signatures). */
export function ecdsaKeys(): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicKeyPem = pemOf(publicKey);
  return { publicKeyPem, signer: { algorithm: 'ECDSA-P256-SHA256', publicKeyPem, sign: (data) => new Uint8Array(sign('sha256', data, privateKey)) }, verify: nodeVerify };
}

/** Verifies Ed25519 and ECDSA/RSA-with-SHA-256 signatures with node:crypto; unknown algorithms fail. */
export const nodeVerify: SignatureVerifier = (algorithm, publicKeyPem, data, signature) => {
  if (algorithm === 'Ed25519') return verify(null, data, publicKeyPem, signature);
  if (algorithm === 'ECDSA-P256-SHA256' || algorithm === 'RSA-SHA256') return verify('sha256', data, publicKeyPem, signature);
  return false;
};

/** A small PDF with ASCII page text and a Chinese title; fixed dates so the bytes are stable. */
export async function makePdf(title: string, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setCreationDate(new Date('2025-06-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`Archive test document, page ${i + 1}`, { x: 50, y: 780, size: 14, font });
  return doc.save({ useObjectStreams: true });
}

/** A 2×2 grey PNG. */
export function makePng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.from([0, 0x80, 0x80, 0, 0x80, 0x80]);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlibDeflate(raw)), chunk('IEND', new Uint8Array(0))]));
}

/** A one-page OFD (GB/T 33190) as in standards digest §6.2, without the image. */
export function makeOfd(title: string): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  return writeZip([
    { name: 'OFD.xml', data: enc(`<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0c5f2a1e9b8d4c3e8a7f6e5d4c3b2a19</ofd:DocID><ofd:Title>${title}</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`) },
    { name: 'Doc_0/Document.xml', data: enc(`<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>4</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`) },
    { name: 'Doc_0/PublicRes.xml', data: enc(`<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res ${ns} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`) },
    { name: 'Doc_0/Pages/Page_0/Content.xml', data: enc(`<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="3"><ofd:TextObject ID="4" Boundary="25 30 100 10" Font="2" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="5 5 5 5 5 5">你好，政务服务</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`) },
  ], new Date('2025-06-10T10:00:00+08:00'));
}

const hex = (algo: string, b: Uint8Array) => createHash(algo).update(b).digest('hex');

/** A file input whose recorded digests match its bytes. */
export function fileInput(p: Omit<ArchiveFileInput, 'recorded' | 'createdAt'> & { createdAt?: string }): ArchiveFileInput {
  return { createdAt: '2025-06-03T09:15:00+08:00', ...p, recorded: { sm3: hex('sm3', p.bytes), sha256: hex('sha256', p.bytes) } };
}

/** 统一社会信用代码 with its check character (GB 32100). */
export function creditCode(first17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, ch, i) => s + chars.indexOf(ch) * weights[i], 0);
  return first17 + chars[(31 - (sum % 31)) % 31];
}

/** A concluded 大中专院校学生户口迁移 case at 南京市公安局玄武分局. */
export function sampleMetadata(overrides: Partial<ArchiveMetadata> = {}): ArchiveMetadata {
  return {
    electronicRecordNo: '320102-J032-0100001005-2025-D30-000007',
    archivalCode: null,
    fondsCode: 'J032',
    regionCode: '320102',
    matterCode: '0100001005',
    matterName: '大中专院校学生户口迁移',
    matterVersion: 3,
    matterTypeCode: '07',
    matterTypeName: '行政确认',
    caseNo: '32010220250603000042',
    caseTitle: '张晓明 大中专院校学生户口迁移（迁入）',
    applicantName: '张晓明',
    applicantType: 'natural_person',
    applicantIdType: 'id_no',
    applicantIdNo: '320102199003071239',
    orgName: '南京市公安局玄武分局',
    orgCode: creditCode('11320102MB1234567'),
    submittedAt: '2025-06-03T09:12:00+08:00',
    acceptedAt: '2025-06-03T10:05:00+08:00',
    concludedAt: '2025-06-06T16:30:00+08:00',
    archivedAt: '2025-06-10T10:00:00+08:00',
    result: 'approved',
    retention: 'D30',
    securityLevel: 'none',
    openness: 'closed',
    year: 2025,
    process: [
      { step: '收件', code: '1', actor: '李娜', org: '玄武分局户籍窗口', opinion: '材料已收取', at: '2025-06-03T09:12:00+08:00' },
      { step: '受理', code: '2', actor: '李娜', org: '玄武分局户籍窗口', opinion: '材料齐全，予以受理', at: '2025-06-03T10:05:00+08:00' },
      { step: '审核', code: '3', actor: '王强', org: '玄武分局治安大队', opinion: '符合大中专院校学生户口迁移条件，同意迁入。\n请窗口办理落户手续', at: '2025-06-05T14:20:00+08:00' },
      { step: '办结', code: '4', actor: '李娜', org: '玄武分局户籍窗口', opinion: '准予迁入 & 已出具准予迁入证明 <电子>', at: '2025-06-06T16:30:00+08:00' },
    ],
    ...overrides,
  };
}

export type SampleFiles = { files: ArchiveFileInput[]; requiredMaterials: Array<{ code: string; name: string }> };

export async function sampleFiles(): Promise<SampleFiles> {
  const [idCard, hukou, admission, acceptance] = await Promise.all([makePdf('居民身份证'), makePdf('户口簿', 2), makePdf('录取通知书'), makePdf('受理通知书')]);
  const files: ArchiveFileInput[] = [
    fileInput({ folder: 'application', seq: 1, materialCode: 'M001', standardName: '居民身份证', fileName: '身份证正反面.pdf', mime: 'application/pdf', bytes: idCard }),
    fileInput({ folder: 'application', seq: 2, materialCode: 'M002', standardName: '居民户口簿', fileName: '户口本首页及本人页.pdf', mime: 'application/pdf', bytes: hukou }),
    fileInput({ folder: 'application', seq: 3, materialCode: 'M003', standardName: '录取通知书', fileName: '南京大学录取通知书.pdf', mime: 'application/pdf', bytes: admission }),
    fileInput({ folder: 'application', seq: 4, materialCode: 'M004', standardName: '本人近期免冠照片', fileName: '证件照.png', mime: 'image/png', bytes: makePng() }),
    fileInput({ folder: 'process', seq: 5, materialCode: null, standardName: '受理通知书', fileName: '受理通知书.pdf', mime: 'application/pdf', bytes: acceptance, createdAt: '2025-06-03T10:05:00+08:00' }),
    fileInput({ folder: 'result', seq: 6, materialCode: null, standardName: '准予迁入证明', fileName: '准予迁入证明.ofd', mime: 'application/ofd', bytes: makeOfd('准予迁入证明'), createdAt: '2025-06-06T16:30:00+08:00' }),
  ];
  return {
    files,
    requiredMaterials: [
      { code: 'M001', name: '居民身份证' }, { code: 'M002', name: '居民户口簿' }, { code: 'M003', name: '录取通知书' },
      { code: 'M004', name: '本人近期免冠照片' }, { code: '', name: '准予迁入证明' },
    ],
  };
}
