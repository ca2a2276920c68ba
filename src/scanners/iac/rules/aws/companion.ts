import { type IacResource, type IacValue, isUnknown } from '../../model.js';
import type { RuleContext } from '../../rule.js';

/**
 * Whether a separate resource configures `target` (a `aws_s3_bucket_versioning` for a bucket,
 * an `aws_flow_log` for a VPC):
 * - `named`: one designates it by reference or by its literal name;
 * - `maybe`: one designates something this document cannot resolve (`var.bucket_id`, a module
 *   output, a literal name while the target's own name is computed), which may be the target;
 * - `none`: no resource of that type can be about the target.
 * Rules report a missing companion only on `none`: a module that receives the bucket id as a
 * variable must not get a finding for every bucket it declares.
 */
export type Companion = 'named' | 'maybe' | 'none';

export interface CompanionOptions {
  /**
   * The types a reference can designate instead of the target (a flow log's `vpc_id` may name an
   * `aws_vpc` or the `aws_default_vpc`): a reference to another resource of these types is not about
   * the target; a reference to anything else (a `random_id` in a computed name, a module output)
   * may still lead to it. Default: the target's type.
   */
  kin?: readonly string[];
  /** The target's attributes that hold the name a companion may write literally. Default: bucket, name. */
  names?: readonly string[];
}

/** `aws_s3_bucket.logs` for `aws_s3_bucket.logs[0]` or `aws_s3_bucket.logs["a"]`. */
export const baseAddress = (address: string): string => address.replace(/\[[^\]]*\]$/, '');

/** `aws_vpc` for `aws_vpc.main`, `data.aws_vpc.shared` or `module.net.aws_vpc.main[0]`. */
const typeOf = (address: string): string =>
  address
    .replace(/^(module\.[^.]+(\[[^\]]*\])?\.)*/, '')
    .replace(/^data\./, '')
    .split('.')[0] ?? '';

function designation(
  value: IacValue | undefined,
  target: IacResource,
  kin: readonly string[],
  names: readonly string[],
): Companion {
  if (value === undefined || value === null) return 'none';
  if (isUnknown(value)) {
    const refs = value.refs.map(baseAddress);
    if (refs.includes(baseAddress(target.address))) return 'named';
    // A reference to another resource of the target's kind (declared here or not) is about that one.
    return refs.some((ref) => kin.includes(typeOf(ref))) ? 'none' : 'maybe';
  }
  if (typeof value !== 'string') return 'none';
  const own = names.map((n) => target.value[n]);
  if (own.includes(value)) return 'named';
  // A literal can only name a resource whose own name is not known until apply.
  return own.some(isUnknown) ? 'maybe' : 'none';
}

export function companionOf(
  target: IacResource,
  ctx: RuleContext,
  type: string,
  attribute: string,
  options: CompanionOptions = {},
): Companion {
  if (ctx.referencing(target, type, attribute).length > 0) return 'named';
  const kin = options.kin ?? [target.type];
  const names = options.names ?? ['bucket', 'name'];
  let result: Companion = 'none';
  for (const r of ctx.ofType(type)) {
    const d = designation(r.value[attribute], target, kin, names);
    if (d === 'named') return d;
    if (d === 'maybe') result = d;
  }
  return result;
}
