/** `A03:2021` -> `owasp-top10-2021:A03`, the way controls are written across scanners. */
export function owaspControl(category: string): string {
  const [code, year] = category.split(':');
  return `owasp-top10-${year}:${code}`;
}
