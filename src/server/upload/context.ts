import type { ScanContext } from '../../store/upload.js';

/**
 * The uploader's context (query parameters) wins; what the report itself says about the code
 * fills what the uploader left out, so an upload without `commit=` still records the commit.
 */
export function withDefaults(
  context: ScanContext,
  found: { commit?: string | undefined; repository?: string | undefined },
): ScanContext {
  const out = { ...context };
  if (out.commit === undefined && found.commit) out.commit = found.commit;
  if (out.repository === undefined && found.repository) out.repository = found.repository;
  return out;
}
