import { posix } from 'node:path';
import { type IacObject, type IacValue, isUnknown } from '../model.js';
import type { SourceFile } from './parser.js';
import { readYaml } from './yaml-source.js';

const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/** Kustomize's own file: read for the patches it names, whether or not it has apiVersion and kind. */
export const isKustomization = (path: string): boolean => KUSTOMIZATION.test(path);

const isObject = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);

const PATCH_KEYS = ['patchesStrategicMerge', 'patches', 'patchesJson6902'];

/** Paths in `patchesStrategicMerge: [file]`, `patches: [{path}]`, `patchesJson6902: [{path}]`; inline patches have none. */
function patchPaths(value: IacValue): string[] {
  if (!isObject(value)) return [];
  const out: string[] = [];
  for (const key of PATCH_KEYS) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item === 'string' && !item.includes('\n')) out.push(item);
      else if (isObject(item) && typeof item.path === 'string') out.push(item.path);
    }
  }
  return out;
}

/**
 * Files a kustomization of the scan names as patches. A patch is a fragment (a Deployment with
 * only `replicas`, a container with only `resources`): checked alone it would fail every rule
 * about what it leaves out. The merged result is what `kustomize build | gatehouse scan -` checks.
 */
export function kustomizePatches(files: readonly SourceFile[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    if (!isKustomization(f.path)) continue;
    const dir = posix.dirname(f.path);
    for (const doc of readYaml(f.text, f.path).docs)
      for (const p of patchPaths(doc.value)) out.add(posix.normalize(posix.join(dir, p)));
  }
  return out;
}
