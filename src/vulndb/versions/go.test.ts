import { describe, expect, it } from 'vitest';
import { goOrdering as go } from './go.js';

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

describe('Go module version ordering', () => {
  it.each([
    // go.mod writes the `v`, OSV's Go data does not.
    ['v1.2.3', '=', '1.2.3'],
    ['v1', '=', 'v1.0.0'],
    ['v1.2', '=', 'v1.2.0'],
    // Pseudo-versions before any tag: vX.0.0-yyyymmddhhmmss-commit, ordered by time.
    ['v0.0.0-20191109021931-daa7c04131f5', '<', 'v0.0.0-20200101000000-abcdefabcdef'],
    ['v0.0.0-20191109021931-daa7c04131f5', '<', 'v0.0.1'],
    ['0.0.0-20190927203648-9ce6eca90e73', '>', 'v0.0.0-20190812000000-000000000000'],
    // Pseudo-versions after a release tag: vX.Y.(Z+1)-0.yyyymmddhhmmss-commit sits between tags.
    ['v1.2.4-0.20191109021931-daa7c04131f5', '>', 'v1.2.3'],
    ['v1.2.4-0.20191109021931-daa7c04131f5', '<', 'v1.2.4'],
    ['v1.2.4-0.20191109021931-daa7c04131f5', '>', 'v1.2.4-0.20191001000000-aaaaaaaaaaaa'],
    // Pseudo-versions after a prerelease tag: vX.Y.Z-pre.0.yyyymmddhhmmss-commit.
    ['v1.2.3-pre.0.20191109021931-daa7c04131f5', '>', 'v1.2.3-pre'],
    ['v1.2.3-pre.0.20191109021931-daa7c04131f5', '<', 'v1.2.3'],
    ['2.2.5-rc6.0.20190621200032-0ddffe484adc+incompatible', '>', 'v2.2.5-rc6+incompatible'],
    ['2.2.5-rc6.0.20190621200032-0ddffe484adc+incompatible', '<', 'v2.2.5+incompatible'],
    // +incompatible is build metadata: it does not change the order.
    ['v2.0.0+incompatible', '=', 'v2.0.0'],
    ['v2.8.6+incompatible', '<', '2.9.0+incompatible'],
    ['v2.10.0+incompatible', '>', 'v2.9.4+incompatible'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(go.compare(a, b)).toBe(SIGN[op]);
    expect(go.compare(b, a)).toBe(0 - SIGN[op]);
  });

  it.each(['', 'latest', 'master', 'v1.2.3.4', 'v01.2.3', 'v1.2-pre', 'vv1.2.3', 'V1.2.3', '1.2.3-'])(
    'rejects %j',
    (v) => {
      expect(go.isValid(v)).toBe(false);
    },
  );
});
