import { describe, expect, it } from 'vitest';
import { sqlErrors } from './sql-errors.js';

describe('sqlErrors', () => {
  it.each([
    ['SQLite', "SQLITE_ERROR: unrecognized token: &quot;'x&quot;"],
    ['SQLite', 'sqlite3.OperationalError: near "x": syntax error'],
    ['PostgreSQL', 'ERROR:  syntax error at or near "x"\nLINE 1: SELECT'],
    ['PostgreSQL', 'ERROR:  unterminated quoted string at or near "\'x"'],
    [
      'MySQL/MariaDB',
      "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ''x''",
    ],
    ['Microsoft SQL Server', "Unclosed quotation mark after the character string 'x'."],
    ['Microsoft SQL Server', "Incorrect syntax near 'x'."],
    ['Oracle', 'ORA-01756: quoted string not properly terminated'],
  ])('recognises %s', (database, text) => {
    expect(sqlErrors(`<pre>${text}</pre>`).map((m) => m.database)).toContain(database);
  });

  it('does not take ordinary words for a database error', () => {
    expect(
      sqlErrors(
        'There is a syntax error in your e-mail address. Error: not found. ORA-12345 is a part number.',
      ),
    ).toEqual([]);
  });
});
