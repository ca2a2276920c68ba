import type { Confidence, Severity } from '../../../core/severity.js';
import type { Detector } from '../detector.js';
import { isReference } from '../engine/filters.js';
import { decodeJwt, JWT_PATTERN } from './jwt.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/** `name = value`, `name: value`, `"name": "value"`, `name => value` between a credential name and its value. */
const ASSIGN = String.raw`[A-Za-z0-9_]{0,12}["']?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["']?`;
const UUID = `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;

/** Words that stand for a password in templates and docs rather than being one. */
const PLACEHOLDER_PASSWORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'pw',
  'secret',
  'changeme',
  'change_me',
  'mypassword',
  'mypass',
  'yourpassword',
  'dbpassword',
  'dbpass',
  'db_password',
  'db_pass',
  'user_password',
  'userpassword',
  'pass123',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'pa$$word',
  'secretpassword',
  'supersecret',
  'mysecretpassword',
  'postgrespassword',
  'rootpassword',
  'example',
  'placeholder',
  'redacted',
  'hunter2',
  'xyz',
  'abc',
  'foo',
  'bar',
  'baz',
  'qux',
  'foobar',
  'token',
  'apikey',
  'api_key',
  'key',
  'pat',
  'passphrase',
]);

/** Default or throw-away passwords of local containers and tutorials: real, but rarely a leak. */
const LOCAL_DEFAULTS = new Set([
  'postgres',
  'mysql',
  'mariadb',
  'root',
  'admin',
  'guest',
  'redis',
  'mongo',
  'mongodb',
  'rabbitmq',
  'test',
  'dev',
  'local',
  'sa',
  'oracle',
  'default',
  'docker',
]);
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)$/i;
/** Domains reserved for documentation and testing (RFC 2606 / RFC 6761). */
const DOCS_HOST = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid)$/i;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The password part of a connection string: drop references and template placeholders, keep
 * local-container defaults (`postgres:postgres@localhost`) with low confidence.
 */
function passwordVerdict(raw: string, user?: string, host?: string): boolean | Confidence {
  const pw = decoded(raw);
  if (pw.length < 3 || (host !== undefined && DOCS_HOST.test(host))) return false;
  if (isReference(pw) || /^(?:<.*>|\{.*\}|\[.*\]|%s|\*+|\.+)$/i.test(pw)) return false;
  const lower = pw.toLowerCase();
  if (PLACEHOLDER_PASSWORDS.has(lower)) return false;
  if (/^pscale_(?:pw|tkn|oauth)_/.test(pw)) return false; // reported by the PlanetScale rules
  const local = host !== undefined && LOCAL_HOST.test(host);
  // A local container's default account (guest:guest@localhost) grants nothing beyond the laptop.
  if (local && LOCAL_DEFAULTS.has(lower)) return false;
  if (LOCAL_DEFAULTS.has(lower) || (user !== undefined && lower === decoded(user).toLowerCase()))
    return 'low';
  if (host !== undefined && LOCAL_HOST.test(host)) return 'medium';
  return true;
}

/** `scheme://user:password@host`: the secret is the password. */
function urlCredentials(schemes: string): RegExp {
  return new RegExp(
    String.raw`(?<![A-Za-z0-9+.-])(?:${schemes})://(?<user>[^\s:/?#@"'<>\[\]{}]{0,128}):(?<secret>[^\s/?#@"'<>]{1,256})@(?<host>\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9._%~-]{1,253})`,
    'i',
  );
}

interface UrlKind {
  id: string;
  title: string;
  provider: string;
  schemes: string;
  keywords: string[];
  what: string;
  remediation: string;
  references: string[];
  positive: string[];
  negative: string[];
  severity?: Severity;
}

function connectionString(k: UrlKind): Detector {
  return {
    id: k.id,
    title: k.title,
    description: `${k.what} The password is reported; placeholders, variable references and documentation hosts (\`example.com\`, \`.test\`) are ignored, and default passwords of local containers (such as the user name repeated, \`postgres\`, \`guest\`) are reported with low confidence.`,
    provider: k.provider,
    severity: k.severity ?? 'high',
    priority: -1,
    keywords: k.keywords,
    pattern: urlCredentials(k.schemes),
    verify: (secret, g) => passwordVerdict(secret, g.user, g.host),
    remediation: k.remediation,
    references: k.references,
    cwe: ['CWE-798', 'CWE-259'],
    examples: { positive: k.positive, negative: k.negative },
  };
}

const DB_ROTATE = (how: string) =>
  `Change the database user's password (${how}) and update the applications that use it; check the server's logs for connections from unknown addresses. Keep connection strings in a secret manager or environment, not in code, and prefer IAM / managed-identity authentication where the platform offers it.`;

const DRIVER = String.raw`(?:\+[a-z0-9]{2,20})?`;

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const supabaseKey = (payload: object, signature: string) =>
  `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}.${signature}`;

export const databasesDetectors: Detector[] = [
  connectionString({
    id: 'postgres-connection-string',
    title: 'PostgreSQL connection string with password',
    provider: 'PostgreSQL',
    schemes: `postgres(?:ql)?${DRIVER}|pgsql`,
    keywords: ['postgres://', 'postgresql://', 'postgres+', 'postgresql+', 'pgsql://'],
    what: "A PostgreSQL connection URL (`postgres://` / `postgresql://`, also SQLAlchemy `postgresql+driver://`, Neon, Supabase, RDS, Heroku) with an embedded password. It gives the database user's access to the data, often as the owner of every table.",
    remediation: DB_ROTATE(
      '`ALTER ROLE name WITH PASSWORD ...`, or the provider console for managed databases',
    ),
    references: ['https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS'],
    positive: [
      'DATABASE_URL=postgres://app_user:9G46yISzOsuGIW2kjwK1@db.acme-prod.internal:5432/orders',
      // Reported with low confidence: a default password on a real host.
      'DATABASE_URL: postgres://postgres:postgres@db.staging.acme.io:5432/app',
      'SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://reporting:X45nUx6so9xuQ39X51@ep-cool-darkness-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require"',
    ],
    negative: [
      'DATABASE_URL=postgres://postgres:${POSTGRES_PASSWORD}@db:5432/app',
      // A local container's default account on localhost grants nothing.
      'DATABASE_URL: postgres://postgres:postgres@localhost:5432/app_dev',
      'DATABASE_URL=postgresql://user:password@localhost:5432/mydb',
      'DATABASE_URL=postgres://<user>:<password>@<host>:5432/<db>',
      'DATABASE_URL=postgres://app_user@db.internal:5432/orders',
      'DATABASE_URL="postgres://app:$DB_PASSWORD@db:5432/app"',
    ],
  }),
  connectionString({
    id: 'mysql-connection-string',
    title: 'MySQL / MariaDB connection string with password',
    provider: 'MySQL',
    schemes: `mysql(?:x|2)?${DRIVER}|mariadb${DRIVER}`,
    keywords: ['mysql://', 'mysql+', 'mysqlx://', 'mysql2://', 'mariadb://', 'mariadb+'],
    what: "A MySQL or MariaDB connection URL (`mysql://`, `mysql2://`, `mariadb://`, SQLAlchemy `mysql+driver://`, PlanetScale, RDS) with an embedded password. It gives the database user's access to the data.",
    remediation: DB_ROTATE("`ALTER USER 'name'@'host' IDENTIFIED BY ...`, or the provider console"),
    references: ['https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html'],
    positive: [
      'DATABASE_URL="mysql://shop:2oRyUog8zPjxrNDtke4jEjhh@mysql-prod.acme.internal:3306/shop"',
      "engine = create_engine('mysql+pymysql://etl:Zbe5DDZeuSaTYuC2@10.20.0.15/warehouse?charset=utf8mb4')",
    ],
    negative: [
      'DATABASE_URL=mysql://root:${MYSQL_ROOT_PASSWORD}@mysql:3306/app',
      'DATABASE_URL=mysql://USER:PASSWORD@HOST:3306/DATABASE',
      'DATABASE_URL=mysql://user:****@host/db',
    ],
  }),
  connectionString({
    id: 'mongodb-connection-string',
    title: 'MongoDB connection string with password',
    provider: 'MongoDB',
    schemes: String.raw`mongodb(?:\+srv)?`,
    keywords: ['mongodb://', 'mongodb+srv://'],
    what: 'A MongoDB connection string (`mongodb://` or Atlas `mongodb+srv://`) with an embedded password. Application users commonly have readWrite on whole databases, and Atlas clusters are reachable from the internet when the IP access list is open.',
    remediation: DB_ROTATE('`db.changeUserPassword()`, or Atlas > Database Access > Edit > Edit Password'),
    references: ['https://www.mongodb.com/docs/manual/reference/connection-string/'],
    positive: [
      'MONGODB_URI=mongodb+srv://api-service:q4zCawElmQuq5bjpw6gE4T@cluster0.x7k2p.mongodb.net/orders?retryWrites=true&w=majority',
      'mongo_url: "mongodb://admin:F4WrunPcuaEoJqUjNPH1@mongo-0.mongo:27017,mongo-1.mongo:27017/admin?replicaSet=rs0"',
    ],
    negative: [
      'MONGODB_URI=mongodb+srv://<username>:<password>@cluster0.mongodb.net/test',
      'MONGODB_URI=mongodb://${MONGO_USER}:${MONGO_PASS}@mongo:27017',
      'MONGODB_URI=mongodb://localhost:27017/app',
    ],
  }),
  connectionString({
    id: 'redis-connection-string',
    title: 'Redis / Valkey connection string with password',
    provider: 'Redis',
    schemes: String.raw`rediss?(?:\+sentinel)?|valkeys?`,
    keywords: ['redis://', 'rediss://', 'redis+sentinel://', 'valkey://', 'valkeys://'],
    what: 'A Redis or Valkey connection URL (`redis://`, `rediss://`, including Redis Cloud and Upstash URLs) with a password. Redis passwords usually grant every command, including reading all keys (sessions, cached data) and, on self-hosted servers, `CONFIG` abuse.',
    remediation: DB_ROTATE('`ACL SETUSER` / `requirepass`, or the provider console'),
    references: ['https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/'],
    positive: [
      'REDIS_URL=rediss://default:UaFJqx9TKKZ2z7M4ls@eu1-sharp-falcon-38211.upstash.io:6379',
      'CACHE_URL="redis://:Ft9JFNXk0jf7v4ym@redis-prod.acme.internal:6379/0"',
    ],
    negative: [
      'REDIS_URL=redis://localhost:6379/0',
      'REDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379',
      'REDIS_URL=redis://default:<password>@host:6379',
    ],
  }),
  connectionString({
    id: 'amqp-connection-string',
    title: 'AMQP (RabbitMQ) connection string with password',
    provider: 'RabbitMQ',
    schemes: 'amqps?',
    keywords: ['amqp://', 'amqps://'],
    what: 'An AMQP broker URL (`amqp://`, `amqps://`: RabbitMQ, CloudAMQP, Amazon MQ) with a password. It lets an attacker read, inject or delete messages on the virtual host.',
    remediation: DB_ROTATE('`rabbitmqctl change_password`, or the provider console'),
    references: ['https://www.rabbitmq.com/docs/uri-spec'],
    positive: [
      'CELERY_BROKER_URL=amqps://orders:HIePKeEMjoSiDVMMUYqWethC@rattlesnake.rmq.cloudamqp.com/orders',
      'amqp_url: amqp://svc-billing:y0oYbDgXzuhFuK3S19Zl@rabbitmq.acme.internal:5672/%2F',
    ],
    negative: [
      'AMQP_URL=amqp://user:pass@localhost:5672/',
      // A local container's default account on localhost grants nothing.
      'AMQP_URL=amqp://guest:guest@localhost:5672/',
      'AMQP_URL=amqp://${RABBIT_USER}:${RABBIT_PASS}@rabbit:5672/',
      'AMQP_URL=amqp://rabbit:5672/',
    ],
  }),
  connectionString({
    id: 'sqlserver-connection-string',
    title: 'SQL Server connection URL with password',
    provider: 'Microsoft SQL Server',
    schemes: `mssql${DRIVER}|sqlserver`,
    keywords: ['mssql://', 'mssql+', 'sqlserver://'],
    what: 'A Microsoft SQL Server / Azure SQL connection URL (`mssql://`, `sqlserver://`, SQLAlchemy `mssql+pyodbc://`) with an embedded password. SQL logins in applications are often `db_owner`, and `sa` controls the whole server.',
    remediation: DB_ROTATE('`ALTER LOGIN name WITH PASSWORD = ...`'),
    references: [
      'https://learn.microsoft.com/en-us/sql/relational-databases/security/authentication-access/change-a-password',
    ],
    positive: [
      'DATABASE_URL="sqlserver://svc_orders:gwTz7UJtdNww2B7Gs5FHLc@acme-sql.database.windows.net:1433/orders?encrypt=true"',
      'SQLALCHEMY_URL=mssql+pyodbc://etl:pdzDqUUeBUMHS3b1tH@sql01.acme.local/warehouse?driver=ODBC+Driver+18+for+SQL+Server',
    ],
    negative: [
      'DATABASE_URL=sqlserver://sa:${SA_PASSWORD}@mssql:1433',
      'DATABASE_URL=mssql://username:password@server/db',
      'DATABASE_URL=sqlserver://sql01.acme.local:1433;databaseName=orders',
    ],
  }),
  connectionString({
    id: 'database-connection-string',
    title: 'Database connection URL with password',
    provider: 'Database',
    schemes: String.raw`clickhouse${DRIVER}|cockroachdb${DRIVER}|snowflake|couchbases?|neo4j(?:\+ssc?|\+s)?|bolt(?:\+ssc?|\+s)?|cassandra|db2${DRIVER}|vertica${DRIVER}|trino|presto|hive|teradata(?:sql)?|redshift${DRIVER}|influxdb|memcached?|couchdb|arangodb|firebird|hana|sybase`,
    keywords: [
      'clickhouse://',
      'clickhouse+',
      'cockroachdb://',
      'cockroachdb+',
      'snowflake://',
      'couchbase://',
      'couchbases://',
      'neo4j://',
      'neo4j+',
      'bolt://',
      'bolt+',
      'cassandra://',
      'db2://',
      'db2+',
      'vertica://',
      'vertica+',
      'trino://',
      'presto://',
      'hive://',
      'teradata://',
      'teradatasql://',
      'redshift://',
      'redshift+',
      'influxdb://',
      'memcached://',
      'memcache://',
      'couchdb://',
      'arangodb://',
      'firebird://',
      'hana://',
      'sybase://',
    ],
    what: "A connection URL with an embedded password for another database or cache: ClickHouse, CockroachDB, Snowflake, Couchbase, Neo4j, Cassandra, Db2, Vertica, Trino/Presto, Hive, Teradata, Redshift, InfluxDB, Memcached, CouchDB, ArangoDB, Firebird, SAP HANA or Sybase. It gives the user's access to the data.",
    remediation: DB_ROTATE("with the database's own user management, or the provider console"),
    references: [
      'https://cwe.mitre.org/data/definitions/798.html',
      'https://docs.snowflake.com/en/user-guide/admin-user-management',
    ],
    positive: [
      'CLICKHOUSE_URL=clickhouse://analytics:gopEOGxaHJ3Otyr2rEoi@ch.acme.internal:9000/events',
      'SNOWFLAKE_URL="snowflake://etl_user:WyMNTEduQ13lbXTP@xy12345.eu-west-1/analytics/public?warehouse=etl_wh"',
      'url = cockroachdb://app:9G46yISzOsuGIW2kjwK1@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/defaultdb',
    ],
    negative: [
      'CLICKHOUSE_URL=clickhouse://default:@localhost:9000',
      'NEO4J_URI=neo4j+s://neo4j:${NEO4J_PASSWORD}@db.databases.neo4j.io',
      'SNOWFLAKE_URL=snowflake://<user>:<password>@<account>/<db>',
    ],
  }),
  connectionString({
    id: 'oracle-connection-string',
    title: 'Oracle connection string with password',
    provider: 'Oracle',
    schemes: `oracle${DRIVER}|oracledb`,
    keywords: ['oracle://', 'oracle+', 'oracledb://'],
    what: "An Oracle Database connection URL (`oracle://`, SQLAlchemy `oracle+oracledb://`) with an embedded password. It gives the schema user's access to the data.",
    remediation: DB_ROTATE('`ALTER USER name IDENTIFIED BY ...`'),
    references: ['https://docs.sqlalchemy.org/en/20/dialects/oracle.html'],
    positive: [
      'DATABASE_URL=oracle+oracledb://hr_app:X45nUx6so9xuQ39X51@ora-prod.acme.internal:1521/?service_name=HRPDB',
      "engine = create_engine('oracle://billing:F4WrunPcuaEoJqUjNPH1@10.1.2.3:1521/BILL')",
    ],
    negative: [
      'DATABASE_URL=oracle://scott:${ORACLE_PASSWORD}@localhost:1521/ORCL',
      'DATABASE_URL=oracle://user:password@host:1521/svc',
      'DATABASE_URL=oracle://ora-prod:1521/HRPDB',
    ],
  }),
  {
    id: 'oracle-jdbc-thin-password',
    priority: -1,
    title: 'Oracle JDBC thin URL with password',
    description:
      "An Oracle JDBC thin URL with inline credentials (`jdbc:oracle:thin:user/password@host:port/service`). The password gives the schema user's access to the data.",
    provider: 'Oracle',
    severity: 'high',
    keywords: ['jdbc:oracle:thin:'],
    pattern: /jdbc:oracle:thin:(?<user>[A-Za-z0-9_$#."]{1,64})\/(?<secret>[^\s@"'<>/]{1,128})@/i,
    verify: (secret, g) => passwordVerdict(secret, g.user),
    remediation: DB_ROTATE('`ALTER USER name IDENTIFIED BY ...`'),
    references: [
      'https://docs.oracle.com/en/database/oracle/oracle-database/21/jjdbc/data-sources-and-URLs.html',
    ],
    cwe: ['CWE-798', 'CWE-259'],
    examples: {
      positive: [
        'spring.datasource.url=jdbc:oracle:thin:hr_app/UaFJqx9TKKZ2z7M4ls@ora-prod.acme.internal:1521/HRPDB',
        'url = "jdbc:oracle:thin:billing/Ft9JFNXk0jf7v4ym@//10.1.2.3:1521/BILL"',
      ],
      negative: [
        'url=jdbc:oracle:thin:@ora-prod.acme.internal:1521/HRPDB',
        'url=jdbc:oracle:thin:scott/${ORACLE_PWD}@localhost:1521/XE',
        'url=jdbc:oracle:thin:user/password@host:1521/svc',
      ],
    },
  },
  {
    id: 'jdbc-connection-string-password',
    priority: -1,
    title: 'JDBC URL with password parameter',
    description:
      "A JDBC URL carrying a `password=` property (MySQL, PostgreSQL, SQL Server, DB2, Snowflake, Redshift, ...), as found in Spring, Hibernate, Liquibase and tool configuration. The password gives the database user's access to the data. Placeholders and references are ignored.",
    provider: 'Database',
    severity: 'high',
    keywords: ['jdbc:'],
    pattern: /jdbc:[a-z0-9]{2,20}:[^\s"'<>]{1,400}?[?&;:]password=(?<secret>[^&;\s"'<>]{1,128})/i,
    verify: (secret) => passwordVerdict(secret),
    remediation: DB_ROTATE("with the database's user management"),
    references: ['https://docs.oracle.com/javase/tutorial/jdbc/basics/connecting.html'],
    cwe: ['CWE-798', 'CWE-259'],
    examples: {
      positive: [
        'spring.datasource.url=jdbc:postgresql://db.acme.internal:5432/orders?user=app&password=HIePKeEMjoSiDVMMUYqWethC&ssl=true',
        'jdbc.url=jdbc:sqlserver://sql01.acme.local:1433;databaseName=orders;user=svc_orders;password=gwTz7UJtdNww2B7Gs5FHLc;encrypt=true',
      ],
      negative: [
        'spring.datasource.url=jdbc:postgresql://db:5432/orders?user=app&password=${DB_PASSWORD}',
        'jdbc.url=jdbc:mysql://localhost:3306/test?user=root&password=password',
        'spring.datasource.url=jdbc:postgresql://db.acme.internal:5432/orders',
      ],
    },
  },
  {
    id: 'adonet-connection-string-password',
    priority: -1,
    title: 'ADO.NET / ODBC connection string with password',
    description:
      "A key-value database connection string (`Server=...;User Id=...;Password=...`, `Data Source=...;Pwd=...`) as used by ADO.NET, ODBC, SQL Server, Azure SQL, MySQL Connector/NET and Npgsql. The password gives the login's access to the database. Placeholders and references are ignored.",
    provider: 'Database',
    severity: 'high',
    keywords: ['password=', 'pwd='],
    pattern:
      /(?<![A-Za-z])(?:server|data source|host|address|addr|network address)\s{0,2}=\s{0,2}[^;"'\n]{1,200};[^"'\n]{0,400}?(?<![A-Za-z])(?:password|pwd)\s{0,2}=\s{0,2}(?<secret>[^;"'\s]{1,128})/i,
    verify: (secret) => passwordVerdict(secret),
    remediation: DB_ROTATE('`ALTER LOGIN name WITH PASSWORD = ...` for SQL Server'),
    references: ['https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-strings'],
    cwe: ['CWE-798', 'CWE-259'],
    examples: {
      positive: [
        '"DefaultConnection": "Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=orders;User ID=svc_orders;Password=pdzDqUUeBUMHS3b1tH;Encrypt=True;"',
        'ConnectionString = "Driver={ODBC Driver 18 for SQL Server};Server=sql01.acme.local;Database=warehouse;Uid=etl;Pwd=gopEOGxaHJ3Otyr2rEoi;"',
        'Host=pg.acme.internal;Port=5432;Database=orders;Username=app;Password=WyMNTEduQ13lbXTP',
      ],
      negative: [
        '"DefaultConnection": "Server=(localdb)\\\\mssqllocaldb;Database=app;Trusted_Connection=True;"',
        'Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;',
        'Server=sql01;Database=app;User Id=sa;Password=${SA_PASSWORD};',
        'Data Source=sql01;Initial Catalog=app;Integrated Security=SSPI;',
      ],
    },
  },
  {
    id: 'url-basic-auth-credentials',
    priority: -1,
    title: 'Credentials in a URL',
    description:
      'A password embedded in an HTTP(S), FTP, SSH, Git, LDAP, SMB, WebSocket or proxy URL (`https://user:password@host`), as found in Git remotes, package registry URLs, proxy settings, webhooks and Elasticsearch / OpenSearch / CouchDB endpoints. Anyone who reads it can authenticate as that user. Placeholders, references, port-like values and documentation hosts (`example.com`) are ignored.',
    provider: 'Generic',
    severity: 'high',
    confidence: 'medium',
    keywords: [
      'http://',
      'https://',
      'ftp://',
      'ftps://',
      'sftp://',
      'ssh://',
      'git://',
      'svn://',
      'svn+ssh://',
      'smb://',
      'ldap://',
      'ldaps://',
      'ws://',
      'wss://',
      'socks5://',
      'socks5h://',
      'socks4://',
      'webdav://',
      'rsync://',
      'imap://',
      'imaps://',
      'smtp://',
      'smtps://',
    ],
    pattern: urlCredentials(
      String.raw`https?|ftps?|sftp|ssh|git|svn(?:\+ssh)?|smb|ldaps?|wss?|socks5h?|socks4|webdav|rsync|imaps?|smtps?`,
    ),
    verify: (secret, g) => {
      if (/^\d{1,5}$/.test(secret)) return false; // host:port@ misread as user:password@
      // Azure DevOps PATs in dev.azure.com remotes are reported by azure-devops-pat.
      if (
        /^[a-z2-7]{52}$/.test(secret) &&
        /(?:^|\.)(?:dev\.azure\.com|visualstudio\.com)$/i.test(g.host ?? '')
      )
        return false;
      return passwordVerdict(secret, g.user, g.host);
    },
    remediation:
      'Change the password or revoke the token at the service the URL points to, remove it from the URL (and from Git remotes, `.npmrc`, `pip.conf` or proxy settings), and pass credentials through a credential helper, environment variable or secret store instead.',
    references: [
      'https://cwe.mitre.org/data/definitions/798.html',
      'https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1',
    ],
    cwe: ['CWE-798', 'CWE-522'],
    examples: {
      positive: [
        'ELASTICSEARCH_URL=https://elastic:gopEOGxaHJ3Otyr2rEoi@es-prod.acme.internal:9200',
        'git remote add origin https://deploy:Zbe5DDZeuSaTYuC2@git.acme.io/platform/api.git',
        'proxy = http://svc-proxy:q4zCawElmQuq5bjpw6gE4T@proxy.acme.internal:3128',
      ],
      negative: [
        'https://user:password@example.com/path',
        'https://${GIT_USER}:${GIT_TOKEN}@github.com/acme/api.git',
        'url = "http://localhost:8080@deprecated"',
        'https://git.acme.io/platform/api.git',
        'ftp://anonymous:@ftp.acme.io/pub',
      ],
    },
  },
  connectionString({
    id: 'nats-connection-string',
    title: 'NATS connection URL with password',
    provider: 'NATS',
    schemes: 'nats',
    keywords: ['nats://'],
    what: "A NATS server URL (`nats://user:password@host`) with a password. It lets an attacker publish and subscribe with the user's permissions, including JetStream streams.",
    remediation: DB_ROTATE('in the server `authorization` configuration or the NATS account / NGS console'),
    references: [
      'https://docs.nats.io/running-a-nats-service/configuration/securing_nats/auth_intro/username_password',
    ],
    positive: [
      'NATS_URL=nats://orders-svc:2oRyUog8zPjxrNDtke4jEjhh@nats.acme.internal:4222',
      'servers: ["nats://ingest:UaFJqx9TKKZ2z7M4ls@nats-0.nats:4222"]',
    ],
    negative: [
      'NATS_URL=nats://nats:4222',
      'NATS_URL=nats://user:${NATS_PASSWORD}@nats:4222',
      'NATS_URL=nats://user:pass@localhost:4222',
    ],
  }),
  {
    id: 'supabase-access-token',
    title: 'Supabase personal access token',
    description:
      "A Supabase personal access token (`sbp_`) for the Management API and CLI. It can manage every project in the user's organisations: read API keys and database passwords, run SQL, change settings and delete projects.",
    provider: 'Supabase',
    severity: 'critical',
    keywords: ['sbp_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>sbp_[a-f0-9]{40})(?![A-Za-z0-9_])/,
    remediation:
      'Revoke the token in the Supabase dashboard (Account > Access Tokens) and create a new one only where needed; review the organisation audit log.',
    references: ['https://supabase.com/docs/reference/api/introduction'],
    examples: {
      positive: [
        'SUPABASE_ACCESS_TOKEN=sbp_b16c84a5e6a505682e05f0fac8ab481884b2a855',
        'supabase login --token sbp_885c53313a4c34e3fb96d2802775cf81701da660',
      ],
      negative: [
        'SUPABASE_ACCESS_TOKEN=sbp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'SUPABASE_ACCESS_TOKEN=sbp_b16c84a5e6a5056',
        'SUPABASE_ACCESS_TOKEN=${SUPABASE_ACCESS_TOKEN}',
      ],
    },
  },
  {
    id: 'supabase-secret-key',
    title: 'Supabase secret API key',
    description:
      'A Supabase secret API key (`sb_secret_`). It bypasses Row Level Security: full read and write access to every table and storage bucket of the project. The default key of the local Supabase CLI stack is reported with low confidence.',
    provider: 'Supabase',
    severity: 'critical',
    keywords: ['sb_secret_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>sb_secret_[A-Za-z0-9_-]{30,64})(?![A-Za-z0-9_-])/,
    minEntropy: 3.8,
    verify: (secret) => (secret === 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz' ? 'low' : true),
    remediation:
      'Delete the secret key in the Supabase dashboard (Project Settings > API Keys > Secret keys), create a new one and deploy it to the servers that need it; never ship it to browsers or mobile apps.',
    references: ['https://supabase.com/docs/guides/api/api-keys'],
    examples: {
      positive: [
        'SUPABASE_SECRET_KEY=sb_secret_8BKYeIlbvDjYnvEnUj50DS_Po1BBUhcw',
        'supabaseKey: "sb_secret_h9vauyLlD2KKpYrd0FODZK_sqKyWkAR1"',
      ],
      negative: [
        'SUPABASE_SECRET_KEY=sb_secret_...',
        'SUPABASE_SECRET_KEY=sb_secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'SUPABASE_PUBLISHABLE_KEY=sb_publishable_8BKYeIlbvDjYnvEnUj50DS_Po1BBUhcw',
      ],
    },
  },
  {
    id: 'supabase-service-role-key',
    title: 'Supabase service_role key',
    description:
      'A legacy Supabase `service_role` API key: a JWT issued by `supabase` with `"role": "service_role"`. It bypasses Row Level Security and has full access to the project\'s data and storage. (The `anon` key has the same shape but is public by design and is not reported.) Keys of the local demo stack (`supabase-demo`) are reported with low confidence.',
    provider: 'Supabase',
    severity: 'critical',
    keywords: ['eyjpc3mioijzdxbhymfzz', 'eyjyb2xlijoic2vydmljzv9yb2xl'],
    pattern: JWT_PATTERN,
    verify: (secret) => {
      const jwt = decodeJwt(secret);
      if (jwt?.payload.role !== 'service_role') return false;
      if (jwt.payload.iss === 'supabase-demo') return 'low';
      return jwt.payload.iss === 'supabase';
    },
    remediation:
      "Disable the legacy JWT-based API keys or rotate the project's JWT secret (Project Settings > JWT Keys), which invalidates the anon and service_role keys, then migrate servers to `sb_secret_` keys.",
    references: [
      'https://supabase.com/docs/guides/api/api-keys',
      'https://supabase.com/docs/guides/getting-started/migrating-to-new-api-keys',
    ],
    examples: {
      positive: [
        `SUPABASE_SERVICE_ROLE_KEY=${supabaseKey({ iss: 'supabase', ref: 'qwhfkzmtrbxpdlcy', role: 'service_role', iat: 1714000000, exp: 2029576000 }, 'Lv4UfLfNBGQCLbgjR2ljUpxMhyhBvjQshwK3HyCKpLL')}`,
        `SERVICE_ROLE_KEY: ${supabaseKey({ role: 'service_role', iss: 'supabase', iat: 1714000000, exp: 2029576000 }, 'sywtZJ84lwGdq0Vb6DaxC7VfICynScl-M9K5yqgb47a')}`,
        // The local demo stack's key: reported with low confidence.
        `SERVICE_ROLE_KEY=${supabaseKey({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 }, 'Ae_oSM-3nd0cy-E6mmJqtv0Di0btTdRzzlIRR9I-VqS')}`,
      ],
      negative: [
        `SUPABASE_ANON_KEY=${supabaseKey({ iss: 'supabase', ref: 'qwhfkzmtrbxpdlcy', role: 'anon', iat: 1714000000, exp: 2029576000 }, 'h9vauyLlD2KKpYrd0FODZKsqKyWkAR1PDnDLqZ3BDC8')}`,
        'SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIs...',
        'SUPABASE_SERVICE_ROLE_KEY=${SUPABASE_SERVICE_ROLE_KEY}',
      ],
    },
  },
  {
    id: 'planetscale-service-token',
    title: 'PlanetScale service token',
    description:
      'A PlanetScale service token (`pscale_tkn_`). It has the organisation or database permissions granted to it: creating branches and passwords, deploy requests, or deleting databases.',
    provider: 'PlanetScale',
    severity: 'high',
    keywords: ['pscale_tkn_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_tkn_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    minEntropy: 3.8,
    remediation:
      'Delete the service token in PlanetScale (Organization settings > Service tokens) and create a replacement with only the needed database permissions.',
    references: ['https://planetscale.com/docs/concepts/service-tokens'],
    examples: {
      positive: [
        'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_Ae_oSM-3nd0cy-E6mmJqtv0Di0btTdRzzlIRR9I-VqS',
        'service_token: "pscale_tkn_h9vauyLlD2KKpYrd0FODZKsqKyWkAR1PDnDLqZ3BDC8"',
      ],
      negative: [
        'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_Ae_oSM-3nd0cy',
        'PLANETSCALE_SERVICE_TOKEN=${PLANETSCALE_SERVICE_TOKEN}',
      ],
    },
  },
  {
    id: 'planetscale-password',
    title: 'PlanetScale database password',
    description:
      "A PlanetScale database branch password (`pscale_pw_`). With its username and host it connects to the branch with the password's role (often admin or read-write).",
    provider: 'PlanetScale',
    severity: 'high',
    keywords: ['pscale_pw_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_pw_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    minEntropy: 3.8,
    remediation:
      'Delete the password in PlanetScale (database > Settings > Passwords) and create a new one for the application.',
    references: ['https://planetscale.com/docs/concepts/connection-strings'],
    examples: {
      positive: [
        "password: 'pscale_pw_sywtZJ84lwGdq0Vb6DaxC7VfICynScl-M9K5yqgb47a'",
        'DATABASE_URL=mysql://k7vq2rzp9xw4m1dj8tcb:pscale_pw_Ae_oSM-3nd0cy-E6mmJqtv0Di0btTdRzzlIRR9I-VqS@aws.connect.psdb.cloud/app?sslaccept=strict',
      ],
      negative: [
        "password: 'pscale_pw_'",
        "password: 'pscale_pw_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'",
        'password: ${PSCALE_PASSWORD}',
      ],
    },
  },
  {
    id: 'planetscale-oauth-token',
    title: 'PlanetScale OAuth token',
    description:
      'A PlanetScale OAuth access token (`pscale_oauth_`) issued to an application; it acts on the authorising organisation with the granted scopes.',
    provider: 'PlanetScale',
    severity: 'high',
    keywords: ['pscale_oauth_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_oauth_[A-Za-z0-9_-]{32,64})(?![A-Za-z0-9_-])/,
    minEntropy: 3.8,
    remediation:
      "Revoke the application's authorisation in PlanetScale (Organization settings > OAuth applications) and re-authorise.",
    references: ['https://planetscale.com/docs/concepts/planetscale-api-oauth-applications'],
    examples: {
      positive: [
        'PLANETSCALE_OAUTH_TOKEN=pscale_oauth_3ppeAxkttGjeOGvIllir49ywJzH5O7v5od7V-JCN',
        '"access_token": "pscale_oauth_Lv4UfLfNBGQCLbgjR2ljUpxMhyhBvjQshwK3HyCKpLL"',
      ],
      negative: [
        'PLANETSCALE_OAUTH_TOKEN=pscale_oauth_<token>',
        'PLANETSCALE_OAUTH_TOKEN=pscale_oauth_3ppeAxkt',
        'PLANETSCALE_OAUTH_TOKEN=${TOKEN}',
      ],
    },
  },
  {
    id: 'mongodb-atlas-service-account-secret',
    title: 'MongoDB Atlas service account client secret',
    description:
      "A MongoDB Atlas service account client secret (`mdb_sa_sk_`). With the client ID (`mdb_sa_id_`) it obtains Admin API tokens with the service account's organisation and project roles: managing clusters, database users and network access.",
    provider: 'MongoDB',
    severity: 'high',
    keywords: ['mdb_sa_sk_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>mdb_sa_sk_[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/,
    minEntropy: 3.8,
    remediation:
      'Revoke the secret in Atlas (Organization > Access Manager > Applications > Service Accounts > the account), create a new one with an expiry, and restrict the API access list.',
    references: ['https://www.mongodb.com/docs/atlas/api/service-accounts-overview/'],
    examples: {
      positive: [
        'ATLAS_CLIENT_SECRET=mdb_sa_sk_3ppeAxkttGjeOGvIllir49ywJzH5O7v5od7V-JCN',
        "clientSecret: 'mdb_sa_sk_Zf2nQ8rTk1VxLpW6mYc3HsJdB9gE4uAo7KiN5tRq'",
      ],
      negative: [
        "placeholder: l10n.t('mdb_sa_sk_…')",
        'ATLAS_CLIENT_SECRET=mdb_sa_sk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'ATLAS_CLIENT_ID=mdb_sa_id_5f3c91a7d2e4b8c06a1f7e2d',
      ],
    },
  },
  {
    id: 'mongodb-atlas-api-private-key',
    title: 'MongoDB Atlas programmatic API private key',
    description:
      "A MongoDB Atlas programmatic API key's private key (a UUID) assigned to an Atlas private key variable (`MONGODB_ATLAS_PRIVATE_KEY`, `MCLI_PRIVATE_API_KEY`). With the public key it calls the Atlas Admin API with the key's organisation or project roles.",
    provider: 'MongoDB',
    severity: 'high',
    confidence: 'medium',
    keywords: ['atlas_private', 'atlas-private', 'atlasprivate', 'atlas_api_private', 'mcli_private'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])(?:mongodb[_-]?)?(?:atlas|mcli)[_-]?(?:api[_-]?)?private[_-]?(?:api[_-]?)?key${ASSIGN}(?<secret>${UUID})(?![A-Za-z0-9-])`,
      'i',
    ),
    remediation:
      'Delete the API key in Atlas (Organization > Access Manager > Applications > API Keys) and move to service accounts with an IP access list.',
    references: ['https://www.mongodb.com/docs/atlas/configure-api-access/'],
    examples: {
      positive: [
        'MONGODB_ATLAS_PRIVATE_KEY=079d1264-3c3e-4337-a808-fbcdcb4b15c5',
        'MCLI_PRIVATE_API_KEY: "3c72181c-b3d2-4ca4-93f7-95089480466d"',
      ],
      negative: [
        'MONGODB_ATLAS_PRIVATE_KEY=${ATLAS_PRIVATE_KEY}',
        'MONGODB_ATLAS_PUBLIC_KEY=xpfmpifq',
        'MONGODB_ATLAS_PRIVATE_KEY=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
  {
    id: 'firebase-cloud-messaging-server-key',
    title: 'Firebase Cloud Messaging legacy server key',
    description:
      "A Firebase Cloud Messaging legacy server key (`AAAA...:APA91b...`). Where the legacy API still works it lets anyone send push notifications to every user of the app (phishing through the app's own notifications).",
    provider: 'Firebase',
    severity: 'high',
    keywords: [':apa91b'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    remediation:
      'Delete the server key in the Firebase console (Project settings > Cloud Messaging), disable the legacy Cloud Messaging API, and send with the HTTP v1 API using short-lived service account tokens.',
    references: ['https://firebase.google.com/docs/cloud-messaging/migrate-v1'],
    examples: {
      positive: [
        'FCM_SERVER_KEY=AAAA1hNTIG3:APA91bvxnFctOQb5Yvqqxpbtpu-khS0sAcseFqj6byPNrIk5FhKDNQBx_RmYUdq7RQRvyf1hyp_iiDX58p9jzUTDYSb36zDYnsPWoq0VRZBwVYI4omSnLbF6Ge-qf4eTc2kT3T_V5KLW',
        '"Authorization": "key=AAAA1hNTIG3:APA91bvxnFctOQb5Yvqqxpbtpu-khS0sAcseFqj6byPNrIk5FhKDNQBx_RmYUdq7RQRvyf1hyp_iiDX58p9jzUTDYSb36zDYnsPWoq0VRZBwVYI4omSnLbF6Ge-qf4eTc2kT3T_V5KLW"',
      ],
      negative: [
        'FCM_SERVER_KEY=AAAA1hNTIG3:APA91b...',
        'FCM_SERVER_KEY=AAAAxxxxxxx:APA91bxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'FCM_SERVER_KEY=${FCM_SERVER_KEY}',
      ],
    },
  },
  {
    id: 'upstash-token',
    title: 'Upstash REST / QStash token',
    description:
      'An Upstash Redis REST token or QStash token / signing key assigned to an Upstash or QStash variable (`UPSTASH_REDIS_REST_TOKEN`, `QSTASH_TOKEN`). Read-write Redis tokens run any command on the database; QStash tokens publish messages to your endpoints and signing keys forge their signatures.',
    provider: 'Upstash',
    severity: 'high',
    confidence: 'medium',
    keywords: ['upstash', 'qstash'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])(?:upstash|qstash)[A-Za-z0-9_.-]{0,30}?(?:token|signing_?key)${ASSIGN}(?<secret>[A-Za-z0-9_=-]{32,300})(?![A-Za-z0-9_=-])`,
      'i',
    ),
    minEntropy: 4.0,
    remediation:
      'Reset the token or roll the signing keys in the Upstash console (database > REST API > Reset credentials; QStash > Roll keys), then update the applications.',
    references: [
      'https://upstash.com/docs/redis/features/restapi',
      'https://upstash.com/docs/qstash/howto/signature',
    ],
    examples: {
      positive: [
        'UPSTASH_REDIS_REST_TOKEN=AYQgASQgMmU4DrYtbHdjWKZvz3qHnymQfJun4OVretTshc8RN2mBMpYuyMAXmBOagzrZjGrL=',
        'QSTASH_CURRENT_SIGNING_KEY="sig_Lv4UfLfNBGQCLbgjR2ljUpxMhyhBvjQs"',
      ],
      negative: [
        'UPSTASH_REDIS_REST_TOKEN=${UPSTASH_REDIS_REST_TOKEN}',
        'UPSTASH_REDIS_REST_URL=https://eu1-sharp-falcon-38211.upstash.io',
        'UPSTASH_REDIS_REST_TOKEN=********',
      ],
    },
  },
  {
    id: 'databricks-access-token',
    title: 'Databricks personal access token',
    description:
      'A Databricks personal access token (`dapi` followed by 32 hexadecimal characters). It acts as the user or service principal in the workspace: notebooks, jobs, clusters, SQL warehouses and the data they can read through Unity Catalog.',
    provider: 'Databricks',
    severity: 'high',
    keywords: ['dapi'],
    pattern: /(?<![A-Za-z0-9])(?<secret>dapi[a-f0-9]{32}(?:-\d)?)(?![A-Za-z0-9-])/,
    minEntropy: 3.2,
    remediation:
      'Revoke the token (User settings > Developer > Access tokens, or an admin through the Token Management API), and use OAuth machine-to-machine credentials or workload identity federation for automation.',
    references: ['https://docs.databricks.com/aws/en/dev-tools/auth/pat'],
    examples: {
      positive: [
        'DATABRICKS_TOKEN=dapieba184c351f9af91b449ac7334916c2c',
        'token = "dapi424c85a133601e25f2c6bc8d7db159f3-2"',
      ],
      negative: [
        'DATABRICKS_TOKEN=dapixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'const key = loadApiKey();',
        'DATABRICKS_TOKEN=dapieba184c351f9af91b449ac73349',
      ],
    },
  },
];
