import YAML from 'yaml';
import { convertAlpineSecdb, isAlpineSecdb } from './convert/alpine-secdb.js';
import { convertNodejsWg, isNodejsCore, isNodejsWg } from './convert/nodejs-wg.js';
import { convertRustsec, isRustsec } from './convert/rustsec.js';
import { type Conversion, ConvertError, type SourceFile } from './convert/types.js';

/**
 * Recognises an advisory file by name and content and turns it into candidate OSV records:
 * OSV JSON or YAML as they are, the other formats through their converter. Files that are no
 * advisory at all (READMEs, licences, index files) come back as `advisory: false`.
 */
export type ReadResult = (Conversion & { advisory: true }) | { advisory: false };

const ADVISORY_EXTENSIONS = /\.(json|ya?ml|md)$/i;

/** Cheap test on a name, before reading: could this file be an advisory? */
export function mayBeAdvisory(name: string): boolean {
  return ADVISORY_EXTENSIONS.test(name);
}

export function readAdvisoryFile(file: SourceFile): ReadResult {
  const ext = /\.([a-z]+)$/i.exec(file.path)?.[1]?.toLowerCase();
  if (ext === 'json') return fromDocument(parseJson(file.text), file);
  if (ext === 'yaml' || ext === 'yml') return fromYaml(file);
  if (ext === 'md' && isRustsec(file.text)) return { advisory: true, ...convertRustsec(file) };
  return { advisory: false };
}

function fromDocument(doc: unknown, file: SourceFile): ReadResult {
  if (Array.isArray(doc)) {
    return doc.length > 0 && doc.every(looksOsv)
      ? { advisory: true, records: doc, notes: [] }
      : { advisory: false };
  }
  if (looksOsv(doc)) return { advisory: true, records: [doc], notes: [] };
  if (isNodejsWg(doc)) return { advisory: true, ...convertNodejsWg(doc, file) };
  if (isNodejsCore(doc)) {
    return {
      advisory: true,
      records: [],
      notes: [{ reason: 'Node.js runtime advisory, no OSV package ecosystem', subject: file.path }],
    };
  }
  return { advisory: false };
}

function fromYaml(file: SourceFile): ReadResult {
  // A secdb file is read with every scalar a string: its version keys must stay `1.10`, never
  // become the number 1.1.
  if (/^distroversion:/m.test(file.text.slice(0, 4096))) {
    const doc = parseYaml(file.text, 'failsafe');
    if (isAlpineSecdb(doc)) return { advisory: true, ...convertAlpineSecdb(doc, file) };
  }
  return fromDocument(parseYaml(file.text, 'core'), file);
}

/**
 * An id next to any OSV-only field is enough to treat a document as an OSV record (and so
 * to report it when it is a broken one, rather than pass it over as some other file).
 */
function looksOsv(doc: unknown): boolean {
  if (typeof doc !== 'object' || doc === null || typeof (doc as { id?: unknown }).id !== 'string')
    return false;
  return 'modified' in doc || 'affected' in doc || 'schema_version' in doc;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (e) {
    throw new ConvertError(`not valid JSON (${(e as Error).message})`);
  }
}

function parseYaml(text: string, schema: 'core' | 'failsafe'): unknown {
  try {
    // Anchors are legitimate but rare in advisories; a hundred aliases is already suspicious.
    return YAML.parse(stripBom(text), { schema, maxAliasCount: 100, merge: false });
  } catch (e) {
    throw new ConvertError(`not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
