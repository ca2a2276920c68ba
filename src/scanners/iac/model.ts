/**
 * The normalised resource model every IaC parser produces and every IaC rule reads.
 *
 * Attribute values are plain JSON-like data (so rules and CEL conditions read them directly),
 * except where a value cannot be known statically: that is an `Unknown`, and a rule never
 * reports on an unknown value (unresolved variables are the first source of false positives
 * in IaC scanning).
 */

export type Platform =
  | 'terraform'
  | 'terraform-plan'
  | 'kubernetes'
  | 'dockerfile'
  | 'compose'
  | 'cloudformation'
  | 'iam';

/** A path into a resource's value: object keys and list indexes. */
export type Key = string | number;
export type KeyPath = readonly Key[];

/**
 * A value that depends on something only known at apply/deploy time (an unset variable, a
 * reference to another resource's attribute, `!GetAtt`, a data source...).
 */
export class Unknown {
  constructor(
    /** The source text of the expression, for messages. */
    readonly expr: string,
    /** Addresses of the resources the expression refers to (`aws_s3_bucket.logs`, CloudFormation logical ids). */
    readonly refs: readonly string[] = [],
  ) {}
  toString(): string {
    return `(known after apply: ${this.expr})`;
  }
}

export const isUnknown = (v: unknown): v is Unknown => v instanceof Unknown;

export type IacValue = string | number | boolean | null | Unknown | IacValue[] | { [key: string]: IacValue };
export type IacObject = { [key: string]: IacValue };

/** Line numbers (1-based) of every key and list item a parser saw, by path. */
export class Positions {
  private readonly lines = new Map<string, number>();

  static keyOf(path: KeyPath): string {
    return path.join('\u0000');
  }

  set(path: KeyPath, line: number): void {
    this.lines.set(Positions.keyOf(path), line);
  }

  /** The line of `path`, or of its nearest ancestor the source has (a missing attribute: its block). */
  lineOf(path: KeyPath, fallback: number): number {
    for (let n = path.length; n > 0; n--) {
      const line = this.lines.get(Positions.keyOf(path.slice(0, n)));
      if (line !== undefined) return line;
    }
    return fallback;
  }
}

export interface IacResource {
  platform: Platform;
  /** Format-native type: `aws_s3_bucket`, `Deployment`, `AWS::S3::Bucket`, `dockerfile`, `compose-service`. */
  type: string;
  /** Terraform: `resource` | `data` | `module` | `provider`; other platforms: `resource`. */
  kind: string;
  /** The resource's own name: `logs`, `api`, a CloudFormation logical id, a compose service. */
  name: string;
  /**
   * What a user calls it: `aws_s3_bucket.logs`, `module.net.aws_vpc.main`, `Deployment/payments/api`,
   * `AWS::S3::Bucket/LogsBucket`, `services.web`. Unique within its document.
   */
  address: string;
  /** File it is declared in, relative to the scan root. */
  path: string;
  /** Lines of the whole declaration. */
  line: number;
  endLine: number;
  value: IacObject;
  positions: Positions;
}

/** One unit of analysis: a Terraform module directory, a manifest file, a template. Rules see one at a time. */
export interface IacDocument {
  platform: Platform;
  /** The file (or, for a Terraform module, its directory) relative to the scan root. */
  path: string;
  resources: IacResource[];
}

/** Line of an attribute of `r`, or of `r` itself when the attribute is missing. */
export const lineOf = (r: IacResource, path: KeyPath = []): number => r.positions.lineOf(path, r.line);

/** The value at `path`, or undefined when any step is missing. Unknown values are returned as is. */
export function get(value: IacValue | undefined, path: KeyPath): IacValue | undefined {
  let v: IacValue | undefined = value;
  for (const k of path) {
    if (v === null || v === undefined || typeof v !== 'object' || isUnknown(v)) return undefined;
    v = Array.isArray(v) ? (typeof k === 'number' ? v[k] : undefined) : (v as IacObject)[String(k)];
  }
  return v;
}

/**
 * Nested blocks (`statement { }`, `ingress { }`, `containers:`) as a list whatever the source
 * wrote: HCL repeats blocks, YAML and plan JSON may give one object or a list.
 */
export function blocks(value: IacValue | undefined, key: string): IacObject[] {
  const v = get(value, [key]);
  if (v === undefined || v === null || isUnknown(v)) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.filter(
    (b): b is IacObject => typeof b === 'object' && b !== null && !Array.isArray(b) && !isUnknown(b),
  );
}

/** true / false for booleans and their string spellings (CloudFormation, Helm values); undefined otherwise. */
export function bool(v: IacValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  return undefined;
}
