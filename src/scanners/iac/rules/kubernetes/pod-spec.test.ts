import { describe, expect, it } from 'vitest';
import type { IacObject, IacResource } from '../../model.js';
import { Positions } from '../../model.js';
import { containersOf, podOf, WORKLOAD_KINDS } from './pod-spec.js';

const resource = (type: string, value: IacObject): IacResource => ({
  platform: 'kubernetes',
  type,
  kind: 'resource',
  name: 'x',
  address: `${type}/default/x`,
  path: 'x.yaml',
  line: 1,
  endLine: 1,
  value,
  positions: new Positions(),
});

const podSpec = { containers: [{ name: 'app' }] };

describe('podOf', () => {
  it.each([
    ['Pod', { spec: podSpec }, ['spec']],
    ['Deployment', { spec: { template: { spec: podSpec } } }, ['spec', 'template', 'spec']],
    ['ReplicationController', { spec: { template: { spec: podSpec } } }, ['spec', 'template', 'spec']],
    [
      'CronJob',
      { spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } },
      ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    ],
    ['PodTemplate', { template: { spec: podSpec } }, ['template', 'spec']],
    [
      'Service',
      { apiVersion: 'serving.knative.dev/v1', spec: { template: { spec: podSpec } } },
      ['spec', 'template', 'spec'],
    ],
    ['Revision', { apiVersion: 'serving.knative.dev/v1', spec: podSpec }, ['spec']],
  ])('finds the pod spec of a %s', (kind, value, specPath) => {
    const pod = podOf(resource(kind, value as IacObject))!;
    expect(pod.specPath).toEqual(specPath);
    expect(pod.metaPath).toEqual([...specPath.slice(0, -1), 'metadata']);
    expect(pod.spec).toEqual(podSpec);
  });

  it('knows every workload kind and nothing else', () => {
    expect(WORKLOAD_KINDS).toEqual(
      expect.arrayContaining([
        'Pod',
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'ReplicaSet',
        'Job',
        'CronJob',
      ]),
    );
    expect(podOf(resource('Service', { spec: {} }))).toBeUndefined();
    expect(
      podOf(resource('Service', { apiVersion: 'v1', spec: { template: { spec: podSpec } } })),
    ).toBeUndefined();
    expect(podOf(resource('Deployment', {}))!.spec).toEqual({});
  });
});

describe('containersOf', () => {
  it('lists containers, init and ephemeral containers with their paths and subjects', () => {
    const spec = {
      initContainers: [{ name: 'init' }],
      containers: [{ name: 'app' }, 'junk', { image: 'no-name' }],
      ephemeralContainers: [{ name: 'debug' }],
    };
    const pod = podOf(resource('Pod', { spec } as IacObject))!;
    expect(containersOf(pod).map((c) => [c.subject, c.list, c.path])).toEqual([
      ['container app', 'containers', ['spec', 'containers', 0]],
      ['container containers[2]', 'containers', ['spec', 'containers', 2]],
      ['container init', 'initContainers', ['spec', 'initContainers', 0]],
      ['container debug', 'ephemeralContainers', ['spec', 'ephemeralContainers', 0]],
    ]);
    expect(containersOf(pod, ['initContainers']).map((c) => c.name)).toEqual(['init']);
  });
});
