/** `dbPassword`, `db-password`, `DB_PASSWORD` → `DB_PASSWORD`. */
const normalise = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();

/**
 * Names that end in a secret word. The word must come last: `DB_PASSWORD` holds a password,
 * `DB_PASSWORD_ARN`, `TOKEN_URL` and `SECRET_NAME` hold a pointer to one.
 */
const SECRET_SUFFIX =
  /(^|_)(PASSWORD|PASSWD|PASSPHRASE|PWD|SECRET|SECRET_KEY|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?)$/;

/** Whether a variable or parameter name says it holds a secret (`PWD` alone is the working directory). */
export function isSecretName(name: string): boolean {
  const n = normalise(name);
  return n !== 'PWD' && SECRET_SUFFIX.test(n);
}

/** Values that point at a secret kept elsewhere rather than being one. */
const POINTER = /^(arn:|\{\{resolve:|ssm:|secretsmanager:|\/)/;

/** AWS access key ids are credentials whatever the variable is called. */
export const AWS_ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;

/** Whether a literal value of a secret-named variable is plausibly the secret itself. */
export const isLiteralSecret = (value: string): boolean =>
  value.trim().length > 0 && !POINTER.test(value.trim());
