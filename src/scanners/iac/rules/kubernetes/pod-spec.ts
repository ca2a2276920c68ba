import { get, type IacObject, type IacResource, type IacValue, type KeyPath } from '../../model.js';

/** Every kind that carries a pod template, and the path of that template in the object. */
const TEMPLATE: Readonly<Record<string, KeyPath>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
};

/**
 * Knative Serving runs the same pod spec: a Service or Configuration holds a template, a Revision is
 * one. Known by their API group, as `Service` is also the core networking kind.
 */
const KNATIVE_TEMPLATE: Readonly<Record<string, KeyPath>> = {
  Service: ['spec', 'template'],
  Configuration: ['spec', 'template'],
  Revision: [],
};

const isKnative = (r: IacResource) =>
  typeof r.value.apiVersion === 'string' && r.value.apiVersion.startsWith('serving.knative.dev/');

export const WORKLOAD_KINDS: readonly string[] = [...Object.keys(TEMPLATE), ...Object.keys(KNATIVE_TEMPLATE)];

/** Workloads that keep pods running (probes, restarts apply); Jobs and bare Pods run to completion or once. */
export const LONG_RUNNING_KINDS: readonly string[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
];

export interface PodView {
  spec: IacObject;
  specPath: KeyPath;
  /** The pod's own metadata (its annotations), not the controller's. */
  meta: IacObject;
  metaPath: KeyPath;
}

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerView {
  name: string;
  list: ContainerList;
  value: IacObject;
  path: KeyPath;
  /** `container <name>`: what a finding names. */
  subject: string;
}

const CONTAINER_LISTS: readonly ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'];

export const isObject = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The pod template of a workload (an empty spec when the source has none), or undefined for other kinds. */
export function podOf(r: IacResource): PodView | undefined {
  const template = isKnative(r) ? KNATIVE_TEMPLATE[r.type] : TEMPLATE[r.type];
  if (!template) return undefined;
  const specPath = [...template, 'spec'];
  const metaPath = [...template, 'metadata'];
  const spec = get(r.value, specPath);
  const meta = get(r.value, metaPath);
  return { spec: isObject(spec) ? spec : {}, specPath, meta: isObject(meta) ? meta : {}, metaPath };
}

/** Every container of the pod, init and ephemeral ones included unless `lists` says otherwise. */
export function containersOf(
  pod: PodView,
  lists: readonly ContainerList[] = CONTAINER_LISTS,
): ContainerView[] {
  const out: ContainerView[] = [];
  for (const list of lists) {
    const items = pod.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((value, i) => {
      if (!isObject(value)) return;
      const name = typeof value.name === 'string' && value.name ? value.name : `${list}[${i}]`;
      out.push({ name, list, value, path: [...pod.specPath, list, i], subject: `container ${name}` });
    });
  }
  return out;
}

/** Pods that declare `os.name: windows`: Linux-only restricted checks (seccomp, capabilities...) do not apply. */
export const isWindowsPod = (pod: PodView): boolean => get(pod.spec, ['os', 'name']) === 'windows';
