/** The input uses YAML the fast reader does not handle; not necessarily invalid YAML. */
export class OutsideSubset extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Input that is definitely not valid YAML (a duplicate key), whichever reader takes it. */
export class InvalidYaml extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}
