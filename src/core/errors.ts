/**
 * Errors the user can fix (bad flag, bad config, unreadable target). The CLI prints the
 * message and exits 2; anything else is a bug and gets a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
