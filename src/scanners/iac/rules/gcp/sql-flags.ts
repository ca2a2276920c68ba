import { isUnknown } from '../../model.js';
import type { IacRule } from '../../rule.js';
import { databaseFlag, engine, settings } from './sql-settings.js';
import { CIS_GCP, TF_GOOGLE } from './values.js';

const INSTANCE = ['google_sql_database_instance'];
const FLAGS_DOC = 'https://cloud.google.com/sql/docs/postgres/flags';
const LOGGED = ['log_connections', 'log_disconnections'];
/** PostgreSQL's spellings of a true boolean setting. */
const ON = new Set(['on', 'true', 'yes', '1']);

export const sqlPostgresConnectionLogging: IacRule = {
  id: 'iac/gcp-sql-postgres-connection-logging',
  title: 'Cloud SQL for PostgreSQL does not log connections',
  description:
    'With `log_connections` and `log_disconnections` off, PostgreSQL records no trace of who connected and ' +
    'when: brute-force attempts and unusual sessions go unnoticed and cannot be investigated.',
  severity: 'low',
  platform: 'terraform',
  resourceTypes: INSTANCE,
  cis: [],
  nist: ['AU-2', 'AU-12'],
  cwe: ['CWE-778'],
  remediation:
    'Turn the flags on:\n\n```hcl\nresource "google_sql_database_instance" "main" {\n  settings {\n' +
    '    database_flags {\n      name  = "log_connections"\n      value = "on"\n    }\n    database_flags {\n' +
    '      name  = "log_disconnections"\n      value = "on"\n    }\n  }\n}\n```',
  references: [`${TF_GOOGLE}/sql_database_instance`, FLAGS_DOC, CIS_GCP],
  *check(r) {
    const s = settings(r);
    if (engine(r) !== 'postgres' || !s || isUnknown(s.value.database_flags)) return;
    const flags = LOGGED.map((name) => ({ name, flag: databaseFlag(r, name) }));
    const off = flags.filter(({ flag }) => !flag || (flag.known && !ON.has(flag.value ?? '')));
    if (off.length === 0) return;
    yield {
      message: `${off.map((f) => f.name).join(' and ')} not on`,
      at: off.find((f) => f.flag)?.flag?.at ?? [...s.at, 'database_flags'],
    };
  },
};

export const sqlMysqlLocalInfile: IacRule = {
  id: 'iac/gcp-sql-mysql-local-infile',
  title: 'Cloud SQL for MySQL allows LOAD DATA LOCAL',
  description:
    'With `local_infile` on, the server may ask the client to send any local file it can read; combined with ' +
    'SQL injection or a malicious server this reads files from clients and application hosts.',
  severity: 'medium',
  platform: 'terraform',
  resourceTypes: INSTANCE,
  cis: ['cis-gcp:6.1.3'],
  nist: ['CM-7', 'CM-6'],
  cwe: ['CWE-73'],
  remediation:
    'Turn it off:\n\n```hcl\nresource "google_sql_database_instance" "main" {\n  settings {\n' +
    '    database_flags {\n      name  = "local_infile"\n      value = "off"\n    }\n  }\n}\n```',
  references: [
    `${TF_GOOGLE}/sql_database_instance`,
    'https://cloud.google.com/sql/docs/mysql/flags',
    CIS_GCP,
  ],
  *check(r) {
    if (engine(r) !== 'mysql') return;
    const flag = databaseFlag(r, 'local_infile');
    if (flag?.value === 'on') yield { message: 'local_infile is on', at: flag.at };
  },
};
