import type { Tier } from '../store/schema.js';
import type { STACKS } from './demo-catalog.js';

/** One made-up service of the generated history; every name starts with `demo-`. */
export interface SyntheticProject {
  name: string;
  tier: Tier;
  team: string;
  stack: keyof typeof STACKS;
  /** Findings its first scan reports: the backlog it was onboarded with. */
  onboarding: number;
  /** New findings per day, on average. */
  arrivalsPerDay: number;
  /** The last day of the history it was scanned (a project whose pipeline stopped scanning). */
  lastDay?: number;
  /** The people of its team, who triage its findings and ask for exceptions. */
  developers: readonly string[];
}

/** The security team: it approves exceptions, and never its own requests. */
export const SECURITY_TEAM = ['sam.okafor@example.com', 'ana.lima@example.com'] as const;

export const SYNTHETIC_PROJECTS: readonly SyntheticProject[] = [
  {
    name: 'demo-payments',
    tier: 'critical',
    team: 'demo-team-payments',
    stack: 'node',
    onboarding: 16,
    arrivalsPerDay: 1.1,
    developers: ['priya.nair@example.com', 'tom.becker@example.com'],
  },
  {
    name: 'demo-storefront',
    tier: 'high',
    team: 'demo-team-storefront',
    stack: 'node',
    onboarding: 12,
    arrivalsPerDay: 0.9,
    developers: ['li.wei@example.com', 'marta.kowalski@example.com'],
  },
  {
    name: 'demo-identity',
    tier: 'critical',
    team: 'demo-team-platform',
    stack: 'go',
    onboarding: 10,
    arrivalsPerDay: 0.7,
    developers: ['jonas.berg@example.com'],
  },
  {
    name: 'demo-ledger',
    tier: 'high',
    team: 'demo-team-payments',
    stack: 'java',
    onboarding: 14,
    arrivalsPerDay: 0.8,
    developers: ['tom.becker@example.com', 'amara.diallo@example.com'],
  },
  {
    name: 'demo-analytics',
    tier: 'medium',
    team: 'demo-team-data',
    stack: 'python',
    onboarding: 12,
    arrivalsPerDay: 0.8,
    developers: ['yuki.tanaka@example.com'],
  },
  {
    name: 'demo-legacy-reports',
    tier: 'low',
    team: 'demo-team-data',
    stack: 'python',
    onboarding: 9,
    arrivalsPerDay: 0.5,
    lastDay: 6,
    developers: ['yuki.tanaka@example.com'],
  },
];
