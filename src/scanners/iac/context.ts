import { type IacDocument, type IacResource, type IacValue, isUnknown } from './model.js';
import type { RuleContext } from './rule.js';

/**
 * Whether `value` designates `target`: a reference (`aws_s3_bucket.logs.id`, `!Ref LogsBucket`)
 * or the literal name/id the target declares (`bucket = "my-logs"`).
 */
function designates(value: IacValue | undefined, target: IacResource): boolean {
  if (value === undefined || value === null) return false;
  if (isUnknown(value)) return value.refs.includes(target.address) || value.refs.includes(target.name);
  if (typeof value !== 'string') return false;
  const names = [target.value.bucket, target.value.name, target.value.id];
  return names.some((n) => typeof n === 'string' && n === value);
}

export function ruleContext(document: IacDocument): RuleContext {
  const byType = new Map<string, IacResource[]>();
  for (const r of document.resources) {
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  const ofType = (type: string) => byType.get(type) ?? [];
  return {
    document,
    ofType,
    referencing: (target, type, attribute) =>
      ofType(type).filter((r) => designates(r.value[attribute], target)),
  };
}
