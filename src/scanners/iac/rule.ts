import type { Confidence, Severity } from '../../core/severity.js';
import type { IacDocument, IacResource, KeyPath, Platform } from './model.js';

/** One problem a rule found on one resource. */
export interface Violation {
  message: string;
  /** The offending attribute; omitted (or missing in the source) → the resource's own line. */
  at?: KeyPath;
  /**
   * What inside the resource is at fault when a resource can fail several times
   * (`container agent`, `statement 2`, `ingress 0`): shown after the address and part of the fingerprint.
   */
  subject?: string;
  /** Secret values the message or the source line contain: redacted in every output. */
  redact?: readonly string[];
}

/** What a rule may look at besides the resource: the other resources of the same document. */
export interface RuleContext {
  document: IacDocument;
  /** Resources of `type` in the document whose `attribute` refers to `target` (by reference or by name/id). */
  referencing(target: IacResource, type: string, attribute: string): IacResource[];
  ofType(type: string): IacResource[];
}

/**
 * A built-in or custom IaC rule. Written once: the core Rule (docs, SARIF, compliance) is
 * derived from it.
 */
export interface IacRule {
  /** `iac/<platform-family>-<what>`, e.g. `iac/aws-s3-bucket-public-acl`, `iac/k8s-privileged-container`. */
  id: string;
  title: string;
  /** Why it matters: the rationale a reviewer reads. */
  description: string;
  severity: Severity;
  confidence?: Confidence;
  platform: Platform;
  /** Resource types the rule runs on (exact, format-native). */
  resourceTypes: readonly string[];
  /**
   * Kinds of declaration the rule runs on; default `resource`. A Terraform data source
   * (`data "aws_iam_policy_document"`) reads existing infrastructure rather than creating it,
   * so only rules written for it (kind `data`) see it.
   */
  kinds?: readonly string[];
  /** CIS benchmark ids with their benchmark prefix: `cis-aws:2.1.1`, `cis-kubernetes:5.2.2`, `cis-docker:4.1`. */
  cis: readonly string[];
  /** NIST SP 800-53 rev5 control ids: `SC-28`, `AC-6(1)`. */
  nist: readonly string[];
  /** Other control ids as `framework:id`, e.g. `k8s-pss:restricted`. */
  controls?: readonly string[];
  cwe?: readonly string[];
  /** How to fix, with a code snippet in the resource's own language. */
  remediation: string;
  references: readonly string[];
  check(resource: IacResource, ctx: RuleContext): Iterable<Violation>;
}
