/**
 * A mistake in a rule, found while compiling it. `at` is the key path inside the rule
 * (`sinks[0].pattern`); the loader adds the file and the rule id.
 */
export class RuleFormatError extends Error {
  constructor(
    readonly at: string,
    readonly problem: string,
  ) {
    super(`${at}: ${problem}`);
    this.name = 'RuleFormatError';
  }
}
