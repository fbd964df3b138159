import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, inspectOfd, inspectPdf } from './file-format.rules';
import { formatDateTime, parseDateTime } from './metadata.rules';
import { makeOfd, makePdf, makePng } from './package.fixtures';
import { openPackage } from './package-reader.rules';
import { defaultPackageProfile } from './profile.rules';
import { parseXmlSafe, XmlSafetyError, XmlWriter } from './xml.rules';
import { crc32, dosDateTime, readZipDirectory, readZipEntry, writeZip, ZipFormatError } from './zip.rules';

const enc = (s: string) => new TextEncoder().encode(s);

describe('XML writing and guarded reading', () => {
  it('escapes text and attributes and reads them back unchanged', () => {
    const text = '张三 & 李四 <审核> "同意" \'通过\'\n第二行';
    const xml = new XmlWriter().open('root', { note: 'a"b<c>&\n' }).leaf('v', text).leaf('empty', null).close().toBytes();
    const root = parseXmlSafe(xml);
    expect(root.attrs.note).toBe('a"b<c>&\n');
    expect(root.children.map((c) => [c.name, c.text])).toEqual([['v', text], ['empty', '']]);
  });

  it('replaces characters XML cannot carry with U+FFFD so the document stays well-formed', () => {
    const root = parseXmlSafe(new XmlWriter().leaf('v', 'a\u0001b\uFFFEc').toBytes());
    expect(root.text).toBe('a\uFFFDb\uFFFDc');
  });

  it('refuses DOCTYPE, entity declarations, undeclared entities, other encodings and broken UTF-8', () => {
    const cases: Array<[string | Uint8Array, string]> = [
      ['<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', 'DOCTYPE'],
      ['<?xml version="1.0"?><r>&nbsp;</r>', '未声明的实体'],
      ['<?xml version="1.0" encoding="GBK"?><r/>', '须为 UTF-8'],
      [new Uint8Array([0x3c, 0x72, 0x3e, 0xc4, 0xe3, 0x3c, 0x2f, 0x72, 0x3e]), '不是有效的 UTF-8'],
      ['<r><a></r>', 'XML 格式错误'],
    ];
    for (const [input, message] of cases) {
      expect(() => parseXmlSafe(input)).toThrow(XmlSafetyError);
      expect(() => parseXmlSafe(input)).toThrow(message);
    }
  });
});

describe('ZIP container', () => {
  const mtime = new Date('2025-06-10T02:00:00Z'); // 10:00 China time

  it('writes UTF-8 names with the language encoding flag, China-time DOS stamps, readable by fflate', () => {
    const zip = writeZip([{ name: '申报文件', directory: true }, { name: '申报文件/说明.xml', data: enc('<r>'.repeat(100)) }, { name: 'a.bin', data: new Uint8Array([1, 2, 3]) }], mtime);
    const dir = readZipDirectory(zip);
    expect(dir.entries.map((e) => [e.name, e.method, e.flags & 0x800, e.isDirectory])).toEqual([
      ['申报文件/', 0, 0x800, true], ['申报文件/说明.xml', 8, 0x800, false], ['a.bin', 0, 0x800, false],
    ]);
    const files = unzipSync(zip);
    expect(new TextDecoder().decode(files['申报文件/说明.xml'])).toBe('<r>'.repeat(100));
    const { time, date } = dosDateTime(mtime);
    expect([time >> 11, (time >> 5) & 63, date >> 9, (date >> 5) & 15, date & 31]).toEqual([10, 0, 45, 6, 10]);
    expect(() => writeZip([{ name: '../x', data: enc('x') }], mtime)).toThrow('不安全');
    expect(() => writeZip([{ name: 'a', data: enc('x') }, { name: 'a', data: enc('y') }], mtime)).toThrow('重复');
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(enc('123456789')).toString(16)).toBe('cbf43926');
  });

  it('refuses an entry whose CRC or declared size does not match', () => {
    const zip = zipSync({ 'a.txt': enc('hello hello hello hello') });
    const entry = readZipDirectory(zip).entries[0];
    expect(new TextDecoder().decode(readZipEntry(zip, entry))).toBe('hello hello hello hello');
    expect(() => readZipEntry(zip, { ...entry, crc: entry.crc ^ 1 })).toThrow('CRC-32');
    // A lying directory that declares fewer bytes than the entry inflates to.
    expect(() => readZipEntry(zip, { ...entry, uncompressedSize: 5 })).toThrow(ZipFormatError);
  });

  it('does not inflate an entry whose declared ratio looks like a bomb', async () => {
    const bomb = zipSync({ '基本信息元数据.xml': enc('<base_info/>'), '申报文件/001-炸弹.pdf': new Uint8Array(5_000_000) });
    const pkg = await openPackage(bomb, defaultPackageProfile);
    expect(pkg.files.has('申报文件/001-炸弹.pdf')).toBe(false);
    expect(pkg.skipped.get('申报文件/001-炸弹.pdf')).toContain('压缩比');
    expect(pkg.files.has('基本信息元数据.xml')).toBe(true);
  });
});

describe('content formats', () => {
  it('tells formats apart by their magic bytes', async () => {
    expect(detectFormat(await makePdf('测试'))).toBe('PDF');
    expect(detectFormat(makePng())).toBe('PNG');
    expect(detectFormat(makeOfd('测试'))).toBe('OFD');
    expect(detectFormat(zipSync({ 'a.txt': enc('x') }))).toBe('ZIP');
    expect(detectFormat(new Uint8Array([0x4d, 0x5a, 0x90, 0]))).toBe('EXECUTABLE');
    expect(detectFormat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2]))).toBe('EXECUTABLE');
    expect(detectFormat(enc('#!/bin/sh\nrm -rf /'))).toBe('EXECUTABLE');
    expect(detectFormat(enc('<?xml version="1.0"?><r/>'))).toBe('XML');
    expect(detectFormat(enc('plain'))).toBe('UNKNOWN');
  });

  it('opens PDFs and reports truncation', async () => {
    const pdf = await makePdf('测试', 3);
    expect(await inspectPdf(pdf)).toEqual(expect.objectContaining({ problems: [], pages: 3, activeContent: [], signatures: 0 }));
    const truncated = await inspectPdf(pdf.subarray(0, pdf.length - 200));
    expect(truncated.problems.join()).toContain('%%EOF');
  });

  it('opens OFDs and reports missing parts', () => {
    const limits = { maxEntries: 100, maxTotalBytes: 10_000_000 };
    expect(inspectOfd(makeOfd('测试'), limits)).toEqual(expect.objectContaining({ problems: [], pages: 1 }));
    const parts = unzipSync(makeOfd('测试'));
    delete parts['Doc_0/Pages/Page_0/Content.xml'];
    expect(inspectOfd(zipSync(parts), limits).problems.join()).toContain('OFD 页面 Pages/Page_0/Content.xml 不存在');
    parts['Doc_0/Signs/Signatures.xml'] = enc('<?xml version="1.0"?><ofd:Signatures xmlns:ofd="http://www.ofdspec.org/2016"/>');
    expect(inspectOfd(zipSync(parts), limits).signatures).toBe(1);
  });

  it('writes and reads date-times in China time', () => {
    expect(formatDateTime('2025-06-10T02:00:00Z', 'iso8601')).toBe('2025-06-10T10:00:00+08:00');
    expect(formatDateTime('2025-06-10T02:00:00Z', 'local')).toBe('2025-06-10 10:00:00');
    expect(parseDateTime('2025-06-10 10:00:00', 'local')).toBe(Date.parse('2025-06-10T02:00:00Z'));
    expect(parseDateTime('2025-02-30T10:00:00+08:00', 'iso8601')).toBeNull();
    expect(parseDateTime('2025-06-10', 'iso8601')).toBeNull();
  });
});
