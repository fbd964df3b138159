import { describe, expect, it } from 'vitest';
import { packageNameFor, PackageBuildError } from './package-writer.rules';
import { sampleMetadata } from './package.fixtures';
import { assertPackageProfile, defaultPackageProfile, PackageProfileError, validatePackageProfile, type PackageProfile } from './profile.rules';
import { parseWithTemplate, renderTemplate, TemplateError } from './template.rules';

const problemsOf = (p: unknown) => {
  const v = validatePackageProfile(p);
  return v.ok ? [] : v.problems;
};

describe('package profile', () => {
  it('the default Fuzhou-style profile is valid and survives a JSON round trip', () => {
    expect(validatePackageProfile(defaultPackageProfile)).toEqual({ ok: true, profile: defaultPackageProfile });
    expect(assertPackageProfile(JSON.parse(JSON.stringify(defaultPackageProfile)))).toEqual(defaultPackageProfile);
  });

  it('renders the package name from the metadata and the 件号', () => {
    const meta = sampleMetadata();
    expect(packageNameFor(meta, defaultPackageProfile, 2)).toBe('320102-J032-0100001005-2025-D30-000002');
    expect(() => packageNameFor(meta, defaultPackageProfile, null)).toThrow(PackageBuildError);
    expect(() => packageNameFor(meta, defaultPackageProfile, null)).toThrow('未提供件号');
    expect(packageNameFor(meta, { ...defaultPackageProfile, fileNamePattern: '{caseNo}-{retention}' }, null)).toBe('32010220250603000042-D30');
  });

  it('templates pad numbers, refuse missing values, and parse back', () => {
    expect(renderTemplate('{fonds}-{category}·{type}-{year}-{retention}-{seq:4}', { fonds: 'J032', category: 'ZW', type: '07', year: 2025, retention: 'D30', seq: 12 }))
      .toBe('J032-ZW·07-2025-D30-0012');
    expect(() => renderTemplate('{seq:3}', { seq: 12345 })).toThrow('超出 3 位');
    expect(() => renderTemplate('{fonds}-{seq:4}', { seq: 1 })).toThrow(TemplateError);
    expect(parseWithTemplate('{fonds}-{category}·{type}-{year}-{retention}-{seq:4}', 'J032-ZW·07-2025-D30-0012')?.map((t) => [t.name, t.value])).toEqual([
      ['fonds', 'J032'], ['category', 'ZW'], ['type', '07'], ['year', '2025'], ['retention', 'D30'], ['seq', '0012'],
    ]);
    expect(parseWithTemplate('{fonds}-{seq:4}', 'J032-12')).toBeNull();
  });

  it('explains what is wrong with a profile, in Chinese', () => {
    const broken = {
      ...defaultPackageProfile,
      id: 'Fuzhou Profile',
      metadataFileName: '元数据.txt',
      folderNames: { ...defaultPackageProfile.folderNames, result: '结果/文件' },
      archivalCode: { template: '{fonds}-{year}-{seq:4}', categoryCode: 'zw' },
      otherFormats: 'ignore',
      elements: { ...defaultPackageProfile.elements, root: '1base' },
    };
    expect(problemsOf(broken)).toEqual([
      '配置方案标识须为小写字母、数字、点、下划线或连字符（至多 64 位）',
      '元数据文件名须以 .xml 结尾',
      '结果文件夹名不能包含路径分隔符或特殊字符',
      '门类代码为1–4位大写字母',
      'XML 元素名“1base”不合法（须以字母或下划线开头，只含字母、数字、下划线、点和连字符）',
      '其他格式的处理只能是 warn 或 fail',
    ]);
  });

  it('checks patterns and names that must agree with each other once every field is well-formed', () => {
    const inconsistent: PackageProfile = {
      ...defaultPackageProfile,
      folderNames: { application: '申报文件', process: '申报文件', result: '结果文件' },
      entryNamePattern: '{standardName}.pdf',
      fileNamePattern: '{regionCode}-{city}-{seq:6}',
      archivalCode: { template: '{fonds}-{year}', categoryCode: 'ZW' },
      elements: { ...defaultPackageProfile.elements, fields: { ...defaultPackageProfile.elements.fields, caseNo: 'task_code' } },
    };
    expect(problemsOf(inconsistent)).toEqual([
      '信息包命名规则中的 {city} 无法识别',
      '文件命名规则须包含 {seq:N}（件内顺序号）或 {fileCode}（文件编号），以免重名',
      '文件命名规则须以 .{ext}（扩展名）结尾',
      '档号规则须包含且仅包含一个 {seq} 或 {seq:N}',
      '文件名或文件夹名“申报文件”重复',
      '元数据中的元素名“task_code”重复',
    ]);
  });

  it('missing settings are reported with their path, in Chinese', () => {
    const { limits: _limits, ...withoutLimits } = defaultPackageProfile;
    const problems = problemsOf({ ...withoutLimits, elements: { ...defaultPackageProfile.elements, fileset: undefined } });
    expect(problems.some((p) => p.startsWith('配置项 limits：'))).toBe(true);
    expect(problems.some((p) => p.startsWith('配置项 elements.fileset：'))).toBe(true);
    expect(() => assertPackageProfile({ ...withoutLimits } as unknown as PackageProfile)).toThrow(PackageProfileError);
  });
});
