import type { PassiveRule } from '../types.js';
import { apiKeyDisclosure } from './api-key-disclosure.js';
import { cacheableSensitiveResponse } from './cacheable-sensitive-response.js';
import { charsetMissing } from './charset-missing.js';
import { contentTypeMissing } from './content-type-missing.js';
import { cookieNoHttpOnly } from './cookie-no-httponly.js';
import { cookieNoSameSite } from './cookie-no-samesite.js';
import { cookieNoSecure } from './cookie-no-secure.js';
import { corsNullOriginWithCredentials } from './cors-null-origin-with-credentials.js';
import { corsReflectedOriginWithCredentials } from './cors-reflected-origin-with-credentials.js';
import { corsWildcardWithCredentials } from './cors-wildcard-with-credentials.js';
import { cspMissing } from './csp-missing.js';
import { cspScriptSrcMissing } from './csp-script-src-missing.js';
import { cspUnsafeEval } from './csp-unsafe-eval.js';
import { cspUnsafeInline } from './csp-unsafe-inline.js';
import { cspWildcard } from './csp-wildcard.js';
import { csrfTokenMissing } from './csrf-token-missing.js';
import { debugPage } from './debug-page.js';
import { debugTokenHeader } from './debug-token-header.js';
import { directoryListing } from './directory-listing.js';
import { frameProtectionMissing } from './frame-protection-missing.js';
import { frameworkVersionDisclosure } from './framework-version-disclosure.js';
import { hstsMissing } from './hsts-missing.js';
import { hstsWeak } from './hsts-weak.js';
import { internalIpDisclosure } from './internal-ip-disclosure.js';
import { mixedContent } from './mixed-content.js';
import { passwordAutocomplete } from './password-autocomplete.js';
import { passwordFormOverHttp } from './password-form-over-http.js';
import { permissionsPolicyMissing } from './permissions-policy-missing.js';
import { privateKeyDisclosure } from './private-key-disclosure.js';
import { referrerPolicyMissing } from './referrer-policy-missing.js';
import { referrerPolicyUnsafe } from './referrer-policy-unsafe.js';
import { sensitiveHtmlComment } from './sensitive-html-comment.js';
import { serverVersionDisclosure } from './server-version-disclosure.js';
import { sourceMapExposed } from './source-map-exposed.js';
import { stackTrace } from './stack-trace.js';
import { tokenInUrl } from './token-in-url.js';
import { xContentTypeOptions } from './x-content-type-options-missing.js';

/** Every passive rule, in report order: headers, cookies, CORS, banners, content, forms, secrets. */
export const PASSIVE_RULES: PassiveRule[] = [
  cspMissing,
  cspUnsafeInline,
  cspUnsafeEval,
  cspWildcard,
  cspScriptSrcMissing,
  hstsMissing,
  hstsWeak,
  xContentTypeOptions,
  frameProtectionMissing,
  referrerPolicyMissing,
  referrerPolicyUnsafe,
  permissionsPolicyMissing,
  contentTypeMissing,
  charsetMissing,
  cookieNoSecure,
  cookieNoHttpOnly,
  cookieNoSameSite,
  corsReflectedOriginWithCredentials,
  corsNullOriginWithCredentials,
  corsWildcardWithCredentials,
  serverVersionDisclosure,
  frameworkVersionDisclosure,
  debugTokenHeader,
  stackTrace,
  debugPage,
  directoryListing,
  internalIpDisclosure,
  sensitiveHtmlComment,
  tokenInUrl,
  mixedContent,
  passwordFormOverHttp,
  passwordAutocomplete,
  csrfTokenMissing,
  cacheableSensitiveResponse,
  sourceMapExposed,
  privateKeyDisclosure,
  apiKeyDisclosure,
];
