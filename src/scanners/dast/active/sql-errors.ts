import { decodeEntities } from '../passive/lib/text.js';

export interface SqlErrorSignature {
  id: string;
  database: string;
  pattern: RegExp;
}

/**
 * Messages database drivers print for a syntax error, as they reach a page through an
 * unhandled exception. Each names its engine, so a finding can say which one answered. Kept to
 * phrases that only a database or its driver writes; "syntax error" alone is not one.
 */
export const SQL_ERRORS: readonly SqlErrorSignature[] = [
  {
    id: 'sqlite-error',
    database: 'SQLite',
    pattern: /SQLITE_ERROR|SQLite3?::SQLException|sqlite3\.OperationalError/,
  },
  { id: 'sqlite-token', database: 'SQLite', pattern: /unrecognized token: "/ },
  { id: 'sqlite-near', database: 'SQLite', pattern: /near "[^"\n]{0,100}": syntax error/ },
  {
    id: 'sqlite-net',
    database: 'SQLite',
    pattern: /System\.Data\.SQLite\.SQLiteException|org\.sqlite\.SQLiteException/,
  },
  { id: 'postgres-syntax', database: 'PostgreSQL', pattern: /ERROR:\s+syntax error at or near/ },
  {
    id: 'postgres-unterminated',
    database: 'PostgreSQL',
    pattern: /unterminated quoted (?:string|identifier) at or near/,
  },
  {
    id: 'postgres-driver',
    database: 'PostgreSQL',
    pattern:
      /org\.postgresql\.util\.PSQLException|PG::SyntaxError|psycopg2?\.errors\.SyntaxError|pg_query\(\): Query failed/,
  },
  { id: 'mysql-syntax', database: 'MySQL/MariaDB', pattern: /You have an error in your SQL syntax/ },
  {
    id: 'mysql-manual',
    database: 'MySQL/MariaDB',
    pattern: /check the manual that (?:corresponds to|fits) your (?:MySQL|MariaDB) server version/,
  },
  {
    id: 'mysql-driver',
    database: 'MySQL/MariaDB',
    pattern:
      /com\.mysql\.jdbc\.exceptions|MySqlException \(0x|mysqli?_(?:fetch_\w+|query|num_rows)\(\) expects|Warning: mysql_/,
  },
  {
    id: 'mssql-unclosed',
    database: 'Microsoft SQL Server',
    pattern: /Unclosed quotation mark after the character string/,
  },
  {
    id: 'mssql-incorrect',
    database: 'Microsoft SQL Server',
    pattern: /Incorrect syntax near '[^'\n]{0,100}'/,
  },
  {
    id: 'mssql-driver',
    database: 'Microsoft SQL Server',
    pattern:
      /System\.Data\.SqlClient\.SqlException|Microsoft\.Data\.SqlClient\.SqlException|\[Microsoft\]\[ODBC SQL Server Driver\]|Microsoft OLE DB Provider for SQL Server/,
  },
  { id: 'oracle-ora', database: 'Oracle', pattern: /\bORA-0(?:0933|0936|1756|0921|1740)\b/ },
  { id: 'oracle-quoted', database: 'Oracle', pattern: /quoted string not properly terminated/ },
  {
    id: 'oracle-driver',
    database: 'Oracle',
    pattern: /oracle\.jdbc\.driver|Oracle\.DataAccess\.Client\.OracleException/,
  },
];

export interface SqlErrorMatch {
  id: string;
  database: string;
  text: string;
}

/** The signatures in a body; entities are decoded first, since error pages escape what they quote. */
export function sqlErrors(body: string): SqlErrorMatch[] {
  const text = decodeEntities(body);
  const out: SqlErrorMatch[] = [];
  for (const s of SQL_ERRORS) {
    const m = s.pattern.exec(text);
    if (m) out.push({ id: s.id, database: s.database, text: m[0] });
  }
  return out;
}
