import { archiveFolders, metadataFields, type ArchiveFileInput, type ArchiveFolder, type ArchiveMetadata, type MetadataField } from './package.types';
import type { PackageProfile } from './profile.rules';
import { child, childrenNamed, childText, XmlWriter, type XmlNode } from './xml.rules';

/** The metadata XML (`基本信息元数据.xml`, root `base_info` in the default profile): writing and reading back. */

const HOUR = 3_600_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Date-time fields of the metadata. */
export const dateTimeFields = ['submittedAt', 'acceptedAt', 'concludedAt', 'archivedAt'] as const satisfies readonly MetadataField[];

/** An ISO instant written in China time, as the profile asks. Unparseable input is written unchanged (the checker flags it). */
export function formatDateTime(iso: string, format: PackageProfile['dateTimeFormat']): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + 8 * HOUR);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return format === 'local' ? `${date} ${time}` : `${date}T${time}+08:00`;
}

function validCalendar(y: number, m: number, d: number, hh: number, mm: number, ss: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && hh < 24 && mm < 60 && ss < 60;
}

/** Parses a written date-time strictly; epoch milliseconds or null. */
export function parseDateTime(s: string, format: PackageProfile['dateTimeFormat']): number | null {
  if (format === 'local') {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
    if (!m) return null;
    const [y, mo, d, hh, mi, ss] = m.slice(1).map(Number);
    if (!validCalendar(y, mo, d, hh, mi, ss)) return null;
    return Date.UTC(y, mo - 1, d, hh, mi, ss) - 8 * HOUR;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d, hh, mi, ss] = m.slice(1, 7).map(Number);
  if (!validCalendar(y, mo, d, hh, mi, ss)) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : ms;
}

export const dateTimeFormatLabel = (format: PackageProfile['dateTimeFormat']) =>
  format === 'local' ? 'YYYY-MM-DD HH:mm:ss（北京时间）' : 'YYYY-MM-DDTHH:mm:ss+08:00（ISO 8601）';

/** A content file as placed in the package. */
export type PlacedFile = ArchiveFileInput & {
  /** Entry path inside the ZIP, e.g. `申报文件/001-居民身份证.pdf`. */
  path: string;
  fileCode: string;
  format: string;
  size: number;
  sm3: string;
  sha256: string;
};

export function renderMetadataXml(meta: ArchiveMetadata, files: PlacedFile[], profile: PackageProfile): Uint8Array {
  const el = profile.elements;
  const w = new XmlWriter().open(el.root);
  const dates = new Set<string>(dateTimeFields);
  for (const f of metadataFields) {
    const v = meta[f];
    w.leaf(el.fields[f], v === null || v === undefined ? null : dates.has(f) ? formatDateTime(String(v), profile.dateTimeFormat) : String(v));
  }
  w.leaf(el.totalFiles, files.length).leaf(el.totalBytes, files.reduce((s, f) => s + f.size, 0));
  const pe = el.process;
  w.open(pe.container);
  for (const p of meta.process) {
    w.open(pe.item).leaf(pe.step, p.step).leaf(pe.code, p.code).leaf(pe.actor, p.actor).leaf(pe.org, p.org).leaf(pe.opinion, p.opinion)
      .leaf(pe.at, formatDateTime(p.at, profile.dateTimeFormat)).close();
  }
  w.close();
  const fe = el.fileset;
  w.open(fe.container);
  for (const folder of archiveFolders) {
    w.open(fe.folder).leaf(fe.folderName, profile.folderNames[folder]);
    for (const f of files.filter((x) => x.folder === folder)) {
      w.open(fe.file)
        .leaf(fe.seq, f.seq).leaf(fe.fileCode, f.fileCode).leaf(fe.materialCode, f.materialCode).leaf(fe.standardName, f.standardName)
        .leaf(fe.actualName, f.fileName).leaf(fe.format, f.format).leaf(fe.mime, f.mime).leaf(fe.path, f.path).leaf(fe.size, f.size)
        .leaf(fe.createdAt, formatDateTime(f.createdAt, profile.dateTimeFormat)).leaf(fe.sm3, f.recorded.sm3).leaf(fe.sha256, f.recorded.sha256)
        .close();
    }
    w.close();
  }
  w.close();
  return w.close().toBytes();
}

type ProcessKey = 'step' | 'code' | 'actor' | 'org' | 'opinion' | 'at';
type FileKey = 'seq' | 'fileCode' | 'materialCode' | 'standardName' | 'actualName' | 'format' | 'mime' | 'path' | 'size' | 'createdAt' | 'sm3' | 'sha256';
const processKeys: ProcessKey[] = ['step', 'code', 'actor', 'org', 'opinion', 'at'];
const fileKeys: FileKey[] = ['seq', 'fileCode', 'materialCode', 'standardName', 'actualName', 'format', 'mime', 'path', 'size', 'createdAt', 'sm3', 'sha256'];

/** Values as written; `undefined` when the element is missing, '' when it is empty. */
export type ReadProcess = Record<ProcessKey, string | undefined>;
export type ReadFile = Record<FileKey, string | undefined> & { folderName: string | undefined; folder: ArchiveFolder | null };
export type ReadMetadata = {
  rootName: string;
  fields: Record<MetadataField, string | undefined>;
  totalFiles: string | undefined;
  totalBytes: string | undefined;
  hasProcess: boolean;
  process: ReadProcess[];
  hasFileset: boolean;
  folders: Array<{ name: string | undefined; folder: ArchiveFolder | null; files: ReadFile[] }>;
  files: ReadFile[];
};

/** Reads the metadata tree by the profile's element names (no judgement here; the checks judge). */
export function readMetadata(root: XmlNode, profile: PackageProfile): ReadMetadata {
  const el = profile.elements;
  const fields = Object.fromEntries(metadataFields.map((f) => [f, childText(root, el.fields[f])])) as Record<MetadataField, string | undefined>;
  const pc = child(root, el.process.container);
  const process = childrenNamed(pc, el.process.item).map((n) => Object.fromEntries(processKeys.map((k) => [k, childText(n, el.process[k])])) as ReadProcess);
  const fs = child(root, el.fileset.container);
  const folderOf = (name: string | undefined) => archiveFolders.find((f) => profile.folderNames[f] === name) ?? null;
  const folders = childrenNamed(fs, el.fileset.folder).map((fn) => {
    const name = childText(fn, el.fileset.folderName);
    const folder = folderOf(name);
    const files = childrenNamed(fn, el.fileset.file).map((n) => ({
      ...(Object.fromEntries(fileKeys.map((k) => [k, childText(n, el.fileset[k])])) as Record<FileKey, string | undefined>),
      folderName: name, folder,
    }));
    return { name, folder, files };
  });
  return {
    rootName: root.name, fields, totalFiles: childText(root, el.totalFiles), totalBytes: childText(root, el.totalBytes),
    hasProcess: pc !== undefined, process, hasFileset: fs !== undefined, folders, files: folders.flatMap((f) => f.files),
  };
}
