/** The text of a thrown value, for a diagnostic: libraries throw Errors, strings, anything. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
