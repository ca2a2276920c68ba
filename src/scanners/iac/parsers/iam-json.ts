import { basename } from 'node:path';
import { type IacObject, type IacResource, type IacValue, isUnknown, type KeyPath } from '../model.js';
import { rebase } from './cloudformation/positions.js';
import { cloudformationParser } from './cloudformation.js';
import type { IacParser, ParseResult, SourceFile } from './parser.js';
import { readYaml, type YamlDoc } from './yaml-source.js';

export const POLICY_DOCUMENT_TYPE = 'aws-iam-policy-document';

const isObject = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);

/** A policy document: a Statement that is a statement or a list of them. */
const isPolicy = (v: IacObject): boolean => {
  const s = v.Statement;
  return Array.isArray(s) ? s.some((x) => isObject(x) && 'Effect' in x) : isObject(s) && 'Effect' in s;
};

/** Wrappers such as the AWS CLI's `{"PolicyVersion": {"Document": {…}}}` stay shallow. */
const MAX_DEPTH = 6;

/** Every policy document in `v`, outermost first, with its path. */
function findPolicies(v: IacValue, path: KeyPath, out: [IacObject, KeyPath][]): void {
  if (path.length > MAX_DEPTH) return;
  if (isObject(v) && isPolicy(v)) {
    out.push([v, path]);
    return;
  }
  const entries: [string | number, IacValue][] = Array.isArray(v)
    ? v.map((x, i) => [i, x])
    : isObject(v)
      ? Object.entries(v)
      : [];
  for (const [k, child] of entries) findPolicies(child, [...path, k], out);
}

function resource(doc: YamlDoc, file: string, value: IacObject, path: KeyPath): IacResource {
  const line = path.length === 0 ? doc.line : doc.positions.lineOf(path, doc.line);
  const { positions, lastLine } = rebase(doc.positions, path, value, line);
  const address = path.length === 0 ? basename(file) : `${basename(file)}#${path.join('.')}`;
  return {
    platform: 'iam',
    type: POLICY_DOCUMENT_TYPE,
    kind: 'resource',
    name: address,
    address,
    path: file,
    line,
    endLine: lastLine,
    value,
    positions,
  };
}

const STATEMENT = /"Statement"/;
const EFFECT = /"Effect"/;
const ACTION = /"(Not)?Action"/;

/**
 * IAM policy documents in JSON files (`policy.json`, `trust-policy.json`, AWS CLI output), one
 * resource per document. CloudFormation templates are left to their own parser.
 */
export const iamJsonParser: IacParser = {
  name: 'iam-json',
  claims: (path) => /\.json$/i.test(path),
  accepts: (text, path) =>
    STATEMENT.test(text) &&
    EFFECT.test(text) &&
    ACTION.test(text) &&
    !(cloudformationParser.accepts?.(text, path) ?? false),
  parse(files: readonly SourceFile[]): ParseResult {
    const out: ParseResult = { documents: [], diagnostics: [] };
    for (const f of files) {
      const { docs, diagnostics } = readYaml(f.text, f.path);
      out.diagnostics.push(...diagnostics);
      for (const doc of docs) {
        const found: [IacObject, KeyPath][] = [];
        findPolicies(doc.value, [], found);
        const resources = found.map(([value, path]) => resource(doc, f.path, value, path));
        if (resources.length > 0) out.documents.push({ platform: 'iam', path: f.path, resources });
      }
    }
    return out;
  },
};
