/**
 * Which Excel JavaScript API requirement sets the add-in needs, which it uses when present, and
 * what a user gains or loses with each. The manifest declares ExcelApi 1.9; newer sets are
 * detected at run time.
 */

export interface ExcelFeatures {
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  mergedAreas: boolean;
  /** Cell notes (ExcelApi 1.18). */
  notes: boolean;
  /** Largest request or response one sync may carry, in characters of JSON; null where Excel sets none. */
  payloadLimit: number | null;
}

/** Excel on the web refuses requests and responses above 5 MB. */
const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

interface OfficeLike {
  context?: {
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    platform?: unknown;
    diagnostics?: { platform?: unknown };
  };
}

function office(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

function isExcelApiSupported(version: string): boolean {
  const requirements = office()?.context?.requirements;
  return !!requirements && requirements.isSetSupported("ExcelApi", version);
}

/** What this Excel supports, asked of Office.js at run time. */
export function detectFeatures(): ExcelFeatures {
  const context = office()?.context;
  const platform = context?.platform ?? context?.diagnostics?.platform;
  return {
    mergedAreas: isExcelApiSupported("1.13"),
    notes: isExcelApiSupported("1.18"),
    payloadLimit: platform === "OfficeOnline" ? WEB_PAYLOAD_LIMIT : null,
  };
}
