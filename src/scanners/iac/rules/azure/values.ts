import { bool, type IacValue } from '../../model.js';

/** Absent and `null` both leave the provider default in force. */
export const unset = (v: IacValue | undefined): v is null | undefined => v === undefined || v === null;

export const isTrue = (v: IacValue | undefined): boolean => bool(v) === true;
export const isFalse = (v: IacValue | undefined): boolean => bool(v) === false;

/** A known string, lower-cased; unknown values and other types give undefined. */
export const lower = (v: IacValue | undefined): string | undefined =>
  typeof v === 'string' ? v.toLowerCase() : undefined;

/** Terraform converts numbers to strings for string attributes: `min_tls_version = 1.1` is "1.1". */
export const text = (v: IacValue | undefined): string | undefined =>
  typeof v === 'number' ? String(v) : typeof v === 'string' ? v : undefined;

/** TLS versions below 1.2 as App Service and SQL spell them (`1.0` written as a number reads "1"). */
export const isOldTls = (v: IacValue | undefined): boolean =>
  ['1', '1.0', '1.1'].includes(text(v)?.trim() ?? '');

/** The known strings of a list attribute with their indexes (a lone string counts as a list of one). */
export function strings(v: IacValue | undefined): { value: string; index?: number }[] {
  if (typeof v === 'string') return [{ value: v }];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, index) => (typeof item === 'string' ? [{ value: item, index }] : []));
}

export const TF_AZURERM = 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources';
export const CIS_AZURE = 'https://www.cisecurity.org/benchmark/azure';
