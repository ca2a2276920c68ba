import { bag, type Json, strings, text } from './shape.js';

const CWE = /\bCWE[-_ :]?0*(\d{1,6})\b/i;
const EXTERNAL_CWE = /^external\/cwe\/cwe-0*(\d{1,6})$/i;

/**
 * CWE ids from wherever tools put them: tags (`CWE-89: Improper…` in Semgrep,
 * `external/cwe/cwe-089` in CodeQL and Bandit), a `cwe` property (string, number or list),
 * and taxonomy relationships to CWE (ZAP: `{target: {id: '693', toolComponent: {name: 'CWE'}}}`).
 */
export function cweIds(rule: Json | undefined, resultProps: Json | undefined): string[] {
  const ruleProps = bag(rule?.properties);
  const found = new Set<string>();
  const add = (n: string | undefined) => {
    if (n !== undefined) found.add(`CWE-${Number(n)}`);
  };
  for (const tag of [...strings(ruleProps?.tags), ...strings(resultProps?.tags)])
    add(EXTERNAL_CWE.exec(tag.trim())?.[1] ?? CWE.exec(tag)?.[1]);
  for (const value of [ruleProps?.cwe, resultProps?.cwe].flatMap((v) => (Array.isArray(v) ? v : [v])))
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) add(String(value));
    else if (typeof value === 'string') add(CWE.exec(value)?.[1] ?? /^\s*(\d{1,6})\s*$/.exec(value)?.[1]);
  for (const rel of Array.isArray(rule?.relationships) ? rule.relationships : []) add(relationshipCwe(rel));
  return [...found];
}

function relationshipCwe(rel: unknown): string | undefined {
  const target = bag(bag(rel)?.target);
  const component = text(bag(target?.toolComponent)?.name);
  const id = text(target?.id);
  if (id === undefined) return undefined;
  if (component?.toUpperCase() === 'CWE') return /^(?:CWE-)?0*(\d{1,6})$/i.exec(id)?.[1];
  return CWE.exec(id)?.[1];
}

/** The rule's help URL and the URLs listed in its `references` property. */
export function referenceUrls(rule: Json | undefined, resultProps: Json | undefined): string[] {
  const ruleProps = bag(rule?.properties);
  const listed = [ruleProps?.references, resultProps?.references].flatMap((v) =>
    typeof v === 'string' ? v.split(/\s+/) : strings(v),
  );
  const urls = [text(rule?.helpUri), ...listed].filter(
    (u): u is string => u !== undefined && /^https?:\/\/\S+$/.test(u),
  );
  return [...new Set(urls)];
}
