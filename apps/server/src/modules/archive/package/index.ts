/**
 * The archive information package (归档信息包) and its 四性检测, as pure code: the archive service
 * collects the case's metadata and files, calls `buildPackage`, then `checkPackage` on the bytes.
 */
export * from './package.types';
export {
  PackageProfileSchema, defaultPackageProfile, validatePackageProfile, assertPackageProfile, PackageProfileError,
  type PackageProfile, type ProfileValidation,
} from './profile.rules';
export { renderTemplate, parseWithTemplate, templateTokens, TemplateError } from './template.rules';
export { buildPackage, packageNameFor, PackageBuildError } from './package-writer.rules';
export { checkPackage } from './package-checker.rules';
export { packageCheckCatalogue, type PackageCheckId, type CheckPackageOptions } from './check-support.rules';
export { parseManifestXml } from './manifest.rules';
export { readZipDirectory, readZipEntry } from './zip.rules';
export { xmlText } from './xml.rules';
