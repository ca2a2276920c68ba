import { bool, type IacValue } from '../../model.js';

/** Absent and `null` both leave the provider default in force. */
export const unset = (v: IacValue | undefined): v is null | undefined => v === undefined || v === null;

export const isTrue = (v: IacValue | undefined): boolean => bool(v) === true;
export const isFalse = (v: IacValue | undefined): boolean => bool(v) === false;

/** A known string, lower-cased; unknown values and other types give undefined. */
export const lower = (v: IacValue | undefined): string | undefined =>
  typeof v === 'string' ? v.toLowerCase() : undefined;

/** The known strings of a list attribute with their indexes (a lone string counts as a list of one). */
export function strings(v: IacValue | undefined): { value: string; index?: number }[] {
  if (typeof v === 'string') return [{ value: v }];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, index) => (typeof item === 'string' ? [{ value: item, index }] : []));
}

/** Path of a list item from `strings`, or of the attribute when it was a lone string. */
export const itemPath = (key: string, index: number | undefined): (string | number)[] =>
  index === undefined ? [key] : [key, index];

/** Metadata flags: GCE reads `TRUE`, `true` and `1` alike. */
export function flag(v: IacValue | undefined): boolean | undefined {
  if (v === 1 || v === '1') return true;
  if (v === 0 || v === '0') return false;
  return bool(v);
}

export const TF_GOOGLE = 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources';
export const CIS_GCP = 'https://www.cisecurity.org/benchmark/google_cloud_computing_platform';
