import { checkAntivirus, checkCarrier, checkExecutableContent } from './checks-security.rules';
import {
  checkArchivalCode, checkEmbeddedSignatures, checkFileProperties, checkFixity, checkLocations, checkManifestSignature, checkMetadataFormat,
  checkReasonableness, checkSpecialCharacters, checkStructure, checkTimestamps, checkValueDomains,
} from './checks-authenticity.rules';
import { checkContentComplete, checkContinuity, checkProcessInfo, checkRequiredMetadata, checkTotals } from './checks-integrity.rules';
import { checkFormats, checkMetadataReadable, checkOpenable, checkZipUsable } from './checks-usability.rules';
import type { CheckContext, CheckPackageOptions } from './check-support.rules';
import { openPackage } from './package-reader.rules';
import type { PackageCheckReport } from './package.types';
import { assertPackageProfile } from './profile.rules';

/**
 * 四性检测 of an archive information package at the 归档 stage (DA/T 70-2018; rule set of standards digest
 * §4.4). Runs every item of `packageCheckCatalogue` and reports each as pass / fail / warn / manual;
 * `ok` is true when nothing failed. Items the checker cannot perform itself (antivirus without an engine,
 * carriers, embedded e-seals) are 'manual', never 'pass'.
 */
export async function checkPackage(zipBytes: Uint8Array, options: CheckPackageOptions): Promise<PackageCheckReport> {
  const profile = assertPackageProfile(options.profile);
  const pkg = await openPackage(zipBytes, profile);
  const ctx: CheckContext = { pkg, options: { ...options, profile }, now: options.now ?? new Date() };
  const checks = [
    checkFixity(ctx),
    await checkManifestSignature(ctx),
    checkEmbeddedSignatures(ctx),
    checkTimestamps(ctx),
    checkMetadataFormat(ctx),
    checkValueDomains(ctx),
    checkReasonableness(ctx),
    checkSpecialCharacters(ctx),
    checkArchivalCode(ctx),
    checkFileProperties(ctx),
    checkLocations(ctx),
    checkStructure(ctx),
    checkTotals(ctx),
    checkRequiredMetadata(ctx),
    checkProcessInfo(ctx),
    checkContinuity(ctx),
    checkContentComplete(ctx),
    checkMetadataReadable(ctx),
    checkFormats(ctx),
    checkOpenable(ctx),
    checkZipUsable(ctx),
    await checkAntivirus(ctx),
    checkCarrier(ctx),
    checkExecutableContent(ctx),
  ];
  return { ok: checks.every((c) => c.status !== 'fail'), checks };
}
