import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { parseImageConfig } from './config.js';
import { layerCommands } from './history.js';

const diffId = `sha256:${'a'.repeat(64)}`;

describe('parseImageConfig', () => {
  it('leaves out fields of the wrong type and names them in one warning', () => {
    const diagnostics: Diagnostic[] = [];
    const config = parseImageConfig(
      {
        os: 'linux',
        architecture: 7,
        config: {
          User: 0,
          Env: ['A=1', 2],
          Cmd: null,
          Entrypoint: 'sh',
          Labels: { a: 'b' },
          Healthcheck: { Test: 'x' },
        },
        history: [{ created_by: 'RUN x' }, { empty_layer: true }],
        rootfs: { type: 'layers', diff_ids: [diffId, 'md5:abc'] },
      },
      'img.tar',
      diagnostics,
    );
    expect(config).toEqual({
      platform: { os: 'linux' },
      user: undefined,
      env: [],
      exposedPorts: [],
      healthcheck: undefined,
      entrypoint: undefined,
      cmd: undefined,
      workingDir: undefined,
      labels: { a: 'b' },
      history: [
        { created: undefined, createdBy: 'RUN x', comment: undefined, emptyLayer: false },
        { created: undefined, createdBy: undefined, comment: undefined, emptyLayer: true },
      ],
      diffIds: [],
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ level: 'warning', code: 'invalid-config' });
    expect(diagnostics[0]!.message).toContain(
      'architecture, config.User, config.Env, config.Healthcheck, config.Entrypoint, rootfs.diff_ids',
    );
  });

  it('says when rootfs.diff_ids is missing', () => {
    const diagnostics: Diagnostic[] = [];
    expect(parseImageConfig({ config: {} }, 'img', diagnostics)?.diffIds).toEqual([]);
    expect(diagnostics[0]!.message).toContain('rootfs.diff_ids (missing)');
  });
});

describe('layerCommands', () => {
  const h = (createdBy: string, emptyLayer = false) => ({ createdBy, emptyLayer });

  it('skips empty_layer entries when matching history to layers', () => {
    const diagnostics: Diagnostic[] = [];
    const history = [h('ADD base'), h('ENV A=1', true), h('RUN apt-get install'), h('CMD ["x"]', true)];
    expect(layerCommands(history, 2, 'img', diagnostics)).toEqual(['ADD base', 'RUN apt-get install']);
    expect(diagnostics).toEqual([]);
  });

  it('warns when the counts differ and still matches from the first layer', () => {
    const diagnostics: Diagnostic[] = [];
    expect(layerCommands([h('ADD base')], 2, 'img', diagnostics)).toEqual(['ADD base', undefined]);
    expect(diagnostics.map((d) => d.code)).toEqual(['history-mismatch']);
  });
});
