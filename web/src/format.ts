const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatCount = (n: number): string => integer.format(n);

/** A ratio 0..1 as a percentage; null (no data) as a dash, never as 0 %. */
export const formatPercent = (r: number | null | undefined): string =>
  r === null || r === undefined ? '—' : `${oneDecimal.format(r * 100)} %`;

export const formatDays = (d: number | null | undefined): string =>
  d === null || d === undefined ? '—' : `${oneDecimal.format(d)} d`;

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dateTime.format(new Date(iso)) : '—';

export const formatDate = (iso: string | null | undefined): string =>
  iso ? dateOnly.format(new Date(iso)) : '—';
