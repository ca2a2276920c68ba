import { get, type IacResource, type IacValue, isUnknown, type KeyPath } from '../../model.js';
import type { Violation } from '../../rule.js';
import { type ContainerList, type ContainerView, containersOf, type PodView, podOf } from './pod-spec.js';

/** What a check says about one value: a message when it is wrong, undefined when it is fine. */
export type Judge = (value: IacValue) => string | undefined;

export interface InheritedCheck {
  /** Path inside `securityContext`, e.g. `['runAsNonRoot']` or `['seccompProfile', 'type']`. */
  field: readonly string[];
  judge: Judge;
  /** Message when neither the container nor the pod sets the field; omitted: a missing field is fine. */
  missing?: string;
  lists?: readonly ContainerList[];
}

const isSet = (v: IacValue | undefined): v is IacValue => v !== undefined && v !== null;

/**
 * A setting the pod's `securityContext` gives every container that does not set its own
 * (runAsNonRoot, runAsUser, seccompProfile, seLinuxOptions...). A wrong pod-level value is one
 * finding at the pod; a wrong container value, or a container left with no value at all, is
 * one finding per container. Unknown values are never judged.
 */
export function* inherited(r: IacResource, check: InheritedCheck): Generator<Violation> {
  const pod = podOf(r);
  if (!pod) return;
  const podAt: KeyPath = [...pod.specPath, 'securityContext', ...check.field];
  const podValue = get(r.value, podAt);
  if (isSet(podValue) && !isUnknown(podValue)) {
    const message = check.judge(podValue);
    if (message) yield { message: `pod securityContext: ${message}`, at: podAt };
  }
  for (const c of containersOf(pod, check.lists)) {
    const at: KeyPath = [...c.path, 'securityContext', ...check.field];
    const own = get(r.value, at);
    if (isUnknown(own)) continue;
    if (isSet(own)) {
      const message = check.judge(own);
      if (message) yield { message, at, subject: c.subject };
    } else if (!isSet(podValue) && check.missing) yield { message: check.missing, at, subject: c.subject };
  }
}

/** A container-only setting (`privileged`, `allowPrivilegeEscalation`...), checked on every container. */
export function* perContainer(
  r: IacResource,
  check: (c: ContainerView, pod: PodView) => Violation | undefined,
  lists?: readonly ContainerList[],
): Generator<Violation> {
  const pod = podOf(r);
  if (!pod) return;
  for (const c of containersOf(pod, lists)) {
    const v = check(c, pod);
    if (v) yield { subject: c.subject, ...v };
  }
}

/** The value of `securityContext.<field>` of a container, and its path. */
export function containerSetting(
  c: ContainerView,
  ...field: string[]
): { value: IacValue | undefined; at: KeyPath } {
  return { value: get(c.value, ['securityContext', ...field]), at: [...c.path, 'securityContext', ...field] };
}
