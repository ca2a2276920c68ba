import type { Parser } from '../../../languages.js';
import type { TaintLanguage } from '../shapes.js';
import { go } from './go.js';
import { java } from './java.js';
import { javascript } from './javascript.js';
import { python } from './python.js';

/** The taint adapter for each grammar. */
export const TAINT_LANGUAGES: Readonly<Record<Parser, TaintLanguage>> = {
  JavaScript: javascript,
  TypeScript: javascript,
  Tsx: javascript,
  python,
  go,
  java,
};
