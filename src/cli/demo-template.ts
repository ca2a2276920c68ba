import type { Ecosystem } from '../core/package.js';
import type { Severity } from '../core/severity.js';

// What the generated history's findings are made of: real rule ids (so the dashboard shows each
// rule's documentation and fix) and real advisories, at made-up places in made-up services.

/** A published advisory as the dependency scanner reports it (data from the GitHub and PyPA databases). */
export interface DemoAdvisory {
  id: string;
  aliases: string[];
  summary: string;
  severity: Severity;
  published: string;
  ecosystem: Ecosystem;
  name: string;
  /** The affected version the service ships. */
  version: string;
  /** The first fixed version; none when no release fixes it. */
  fixed?: string;
}

/** One kind of problem a service of a stack turns up. */
export interface FindingTemplate {
  ruleId: string;
  /** How often it turns up, relative to the stack's other templates. */
  weight: number;
  paths: readonly string[];
  message: string;
  snippet?: string;
  /** Share of its findings people mark false positive: what makes a rule noisy. */
  noise?: number;
  /** What they write when they do. */
  falsePositiveWhy?: string;
  /** The visible start of a secret's redacted value. */
  secretPrefix?: string;
  advisory?: DemoAdvisory;
}
