import { describe, expect, it } from 'vitest';
import { SecretMatcher } from '../engine/matcher.js';
import { observabilityDetectors } from './observability.js';

const matcher = new SecretMatcher(observabilityDetectors);
const first = (text: string) => matcher.scan(Buffer.from(text))[0];

describe('Grafana service account token checksum', () => {
  it('is high confidence when the CRC-32 suffix verifies', () => {
    const m = first('GRAFANA_TOKEN=glsa_RpGMdIa17zvszhkc8nlOuxJoJOSYwbtF_f5c39c6c');
    expect(m?.detectorId).toBe('grafana-service-account-token');
    expect(m?.confidence).toBe('high');
  });

  it('is low confidence when it does not', () => {
    const m = first('GRAFANA_TOKEN=glsa_SciMaPkE8dD71Y0cFQzar4uJuBKjiACN_91545df6');
    expect(m?.confidence).toBe('low');
  });
});

describe('Sentry DSNs', () => {
  it('are public by design and not reported', () => {
    const dsn = 'SENTRY_DSN=https://3b8a5b1c2d4e4f6a8b9c0d1e2f3a4b5c@o450123.ingest.sentry.io/5501234';
    expect(matcher.scan(Buffer.from(dsn))).toEqual([]);
  });
});
