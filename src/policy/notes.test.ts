import { describe, expect, it } from 'vitest';
import type { FindingDecision } from '../core/decision.js';
import type { Finding } from '../core/finding.js';
import { compileException } from './exceptions.js';
import { baselineNotes, exceptionNotes } from './notes.js';

const NOW = new Date('2025-06-15T12:00:00Z');

function finding(fingerprint: string): Finding {
  return {
    fingerprint,
    scanner: 'secrets',
    ruleId: 'secrets/x',
    title: 't',
    message: 'm',
    severity: 'high',
    confidence: 'high',
    location: { path: 'a.js' },
    cwe: [],
    references: [],
    remediation: '',
    controls: [],
  };
}

function decision(fingerprint: string, status: FindingDecision['status']): FindingDecision {
  return { fingerprint, status, action: 'report', policyRule: 'x', reason: 'x' };
}

function exception(id: string, expires?: string) {
  return compileException(
    { id, rule: 'secrets/*', reason: 'r', approver: 'alice', expires },
    `gatehouse.yml: exceptions[${id}]`,
  );
}

describe('exceptionNotes', () => {
  it('says an expired exception that still matches puts findings back in the gate', () => {
    const e = exception('old', '2025-06-14');
    expect(exceptionNotes([e], new Map([[e, 2]]), NOW)).toEqual([
      'Exception old (gatehouse.yml: exceptions[old]) expired on 2025-06-14 (approved by alice); 2 findings it covered gate again: renew it with a later expires date, or fix them.',
    ]);
  });

  it('asks to remove an expired exception that matches nothing', () => {
    const e = exception('gone', '2024-01-01');
    expect(exceptionNotes([e], new Map(), NOW)).toEqual([
      'Exception gone (gatehouse.yml: exceptions[gone]) expired on 2024-01-01 and matches no finding: remove it.',
    ]);
  });

  it('calls an active exception that matches nothing stale', () => {
    const e = exception('unused');
    expect(exceptionNotes([e], new Map(), NOW)).toEqual([
      'Exception unused (gatehouse.yml: exceptions[unused]) matches no finding (stale): if the problem was fixed, remove it.',
    ]);
  });

  it('warns ahead of an expiry within 14 days, and on the last day', () => {
    const soon = exception('soon', '2025-06-20');
    const today = exception('today', '2025-06-15');
    const notes = exceptionNotes(
      [soon, today],
      new Map([
        [soon, 1],
        [today, 3],
      ]),
      NOW,
    );
    expect(notes).toEqual([
      'Exception soon (gatehouse.yml: exceptions[soon]) expires on 2025-06-20 (5 day(s) left): renew it or fix the 1 finding it covers.',
      'Exception today (gatehouse.yml: exceptions[today]) expires on 2025-06-15 (today is its last day): renew it or fix the 3 findings it covers.',
    ]);
  });

  it('says nothing about a used exception far from expiry or without one', () => {
    const later = exception('later', '2025-12-31');
    const forever = exception('forever');
    expect(
      exceptionNotes(
        [later, forever],
        new Map([
          [later, 1],
          [forever, 1],
        ]),
        NOW,
      ),
    ).toEqual([]);
  });
});

describe('baselineNotes', () => {
  const scanned = [finding('aaaaaaaa'), finding('bbbbbbbb'), finding('cccccccc')];
  const decisions = [
    decision('aaaaaaaa', 'existing'),
    decision('bbbbbbbb', 'excepted'),
    decision('cccccccc', 'new'),
  ];

  it('says how much of the baseline is still there and how many findings are new', () => {
    const baseline = new Set(['aaaaaaaa', 'bbbbbbbb', 'dddddddd', 'eeeeeeee']);
    expect(
      baselineNotes(scanned, decisions, { baseline, baselineFile: 'baseline.json', newOnly: true }),
    ).toEqual([
      'Baseline baseline.json: 2 of its 4 fingerprint(s) are in this scan (2 gone); 1 finding is new.',
    ]);
  });

  it('says new_only without a baseline treats everything as new', () => {
    expect(baselineNotes(scanned, decisions, { newOnly: true })[0]).toMatch(
      /^gate.new_only is true but no baseline was given, so every finding counts as new/,
    );
  });

  it('says nothing without a baseline when new_only is off', () => {
    expect(baselineNotes(scanned, decisions, { newOnly: false })).toEqual([]);
  });
});
