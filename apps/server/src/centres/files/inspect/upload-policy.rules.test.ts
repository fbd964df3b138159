import { describe, expect, it } from 'vitest';
import { inspectUpload, sanitiseFileName } from './upload-policy.rules';

/** A stored (uncompressed) zip; `claimed` overrides the uncompressed size written in the directory. */
function makeZip(entries: Array<{ name: string; data?: string; claimed?: number }>): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = Buffer.from(e.data ?? 'x');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.claimed ?? data.length, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, data);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(e.claimed ?? data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBuf, eocd]));
}

const bytes = (s: string | number[]) => new Uint8Array(typeof s === 'string' ? Buffer.from(s, 'latin1') : s);

describe('upload inspection', () => {
  it('identifies documents by content, not by name', () => {
    expect(inspectUpload(bytes('%PDF-1.7\n...'), '申请表.pdf')).toMatchObject({ ok: true, type: 'pdf', mime: 'application/pdf' });
    expect(inspectUpload(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'photo.jpg')).toMatchObject({ ok: true, type: 'png' });
    expect(inspectUpload(makeZip([{ name: 'OFD.xml' }, { name: 'Doc_0/Document.xml' }]), '证明.ofd')).toMatchObject({ ok: true, type: 'ofd' });
    expect(inspectUpload(makeZip([{ name: '[Content_Types].xml' }, { name: 'word/document.xml' }]), 'a.docx')).toMatchObject({ ok: true, type: 'docx' });
  });

  it('refuses executables and scripts even when named like a PDF', () => {
    expect(inspectUpload(bytes('MZ\x90\x00...'), '身份证.pdf')).toEqual({ ok: false, problem: { code: 'EXECUTABLE' } });
    expect(inspectUpload(bytes('\x7fELF...'), 'a.png')).toEqual({ ok: false, problem: { code: 'EXECUTABLE' } });
    expect(inspectUpload(bytes('#!/bin/sh\nrm -rf /'), 'a.txt')).toEqual({ ok: false, problem: { code: 'EXECUTABLE' } });
  });

  it('refuses zip bombs and hostile entry names before inflating anything', () => {
    const bomb = makeZip([{ name: 'OFD.xml' }, { name: 'Doc_0/huge.xml', claimed: 4_000_000_000 }]);
    expect(inspectUpload(bomb, 'bomb.ofd')).toMatchObject({ ok: false, problem: { code: 'ARCHIVE_BOMB' } });
    const ratio = makeZip([{ name: 'OFD.xml', claimed: 10_000_000 }]);
    expect(inspectUpload(ratio, 'r.ofd')).toMatchObject({ ok: false, problem: { code: 'ARCHIVE_BOMB' } });
    expect(inspectUpload(makeZip([{ name: '../../etc/passwd' }]), 'x.docx')).toMatchObject({ ok: false, problem: { code: 'ARCHIVE_HOSTILE_NAME', name: '../../etc/passwd' } });
    expect(inspectUpload(bytes('PK\x03\x04garbage'), 'x.docx')).toMatchObject({ ok: false, problem: { code: 'ARCHIVE_CORRUPT' } });
  });

  it('refuses empty, oversize and disallowed files', () => {
    expect(inspectUpload(new Uint8Array(), 'a.pdf')).toEqual({ ok: false, problem: { code: 'EMPTY' } });
    expect(inspectUpload(bytes('%PDF-1.4'), 'a.pdf', { maxBytes: 4, allowed: ['pdf'], maxUncompressedBytes: 1, maxCompressionRatio: 1 })).toMatchObject({ ok: false, problem: { code: 'TOO_LARGE' } });
    expect(inspectUpload(bytes('plain words'), 'a.txt')).toEqual({ ok: false, problem: { code: 'TYPE_NOT_ALLOWED', type: 'text' } });
  });

  it('cleans file names of paths, control and bidi characters', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\a\\户口簿.pdf')).toBe('户口簿.pdf');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('...')).toBeNull();
  });
});
