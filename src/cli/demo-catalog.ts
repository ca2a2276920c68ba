import type { Ecosystem } from '../core/package.js';
import { GO_ADVISORIES, MAVEN_ADVISORIES, NPM_ADVISORIES, PYPI_ADVISORIES } from './demo-catalog-deps.js';
import type { FindingTemplate } from './demo-template.js';

// The code and infrastructure problems of the synthetic services, by stack: real rule ids at
// made-up places. Their dependencies' advisories are in demo-catalog-deps.ts.

const kubernetes: FindingTemplate[] = [
  {
    ruleId: 'iac/k8s-run-as-non-root',
    weight: 2,
    paths: ['deploy/k8s/deployment.yaml', 'deploy/k8s/worker.yaml'],
    message: 'container app: runAsNonRoot is not set',
    snippet: '      containers:\n        - name: app',
  },
  {
    ruleId: 'iac/k8s-memory-limits-missing',
    weight: 2,
    paths: ['deploy/k8s/deployment.yaml', 'deploy/k8s/cronjob.yaml'],
    message: 'container app: no resources.limits.memory',
  },
  {
    ruleId: 'iac/k8s-liveness-probe-missing',
    weight: 2,
    paths: ['deploy/k8s/cronjob.yaml', 'deploy/k8s/migrate-job.yaml'],
    message: 'container app: no livenessProbe',
    noise: 0.6,
    falsePositiveWhy: 'Run-to-completion job: a liveness probe does not apply.',
  },
  {
    ruleId: 'iac/k8s-privileged-container',
    weight: 1,
    paths: ['deploy/k8s/debug-daemonset.yaml'],
    message: 'container debug: securityContext.privileged is true',
    snippet: '          privileged: true',
  },
];

const terraform: FindingTemplate[] = [
  {
    ruleId: 'iac/aws-sg-ssh-open-to-world',
    weight: 1,
    paths: ['infra/network.tf'],
    message: 'aws_security_group.bastion: port 22 open to 0.0.0.0/0',
    snippet: '    cidr_blocks = ["0.0.0.0/0"]',
  },
  {
    ruleId: 'iac/aws-s3-bucket-not-kms-encrypted',
    weight: 3,
    paths: ['infra/storage.tf', 'infra/exports.tf'],
    message: 'aws_s3_bucket.exports: no default encryption configuration',
    noise: 0.5,
    falsePositiveWhy: 'Public static assets: S3-managed keys are enough for this bucket.',
  },
  {
    ruleId: 'iac/aws-s3-bucket-versioning-disabled',
    weight: 2,
    paths: ['infra/storage.tf', 'infra/exports.tf'],
    message: 'aws_s3_bucket.exports: no versioning configuration',
  },
  {
    ruleId: 'iac/aws-rds-storage-not-encrypted',
    weight: 1,
    paths: ['infra/database.tf'],
    message: 'aws_db_instance.main: storage_encrypted is false',
    snippet: '  storage_encrypted = false',
  },
  {
    ruleId: 'iac/aws-vpc-flow-logs-disabled',
    weight: 1,
    paths: ['infra/network.tf'],
    message: 'aws_vpc.main: no aws_flow_log for this VPC',
  },
];

const secret = (ruleId: string, paths: string[], prefix: string, key: string): FindingTemplate => ({
  ruleId,
  weight: 1,
  paths,
  message: `${key} holds a credential in clear`,
  snippet: `${key}=${prefix}…`,
  secretPrefix: prefix,
});

/** What the synthetic services of one technology are made of. */
export interface Stack {
  templates: readonly FindingTemplate[];
  /** Dependencies without known advisories, for the SBOM: [ecosystem, name, version]. */
  packages: readonly (readonly [Ecosystem, string, string])[];
}

const NODE_TEMPLATES: FindingTemplate[] = [
  {
    ruleId: 'sast/js-sql-injection',
    weight: 4,
    paths: ['src/routes/orders.ts', 'src/routes/refunds.ts', 'src/db/reports.ts'],
    message: 'req.query.id reaches db.query() inside a template string',
    snippet: 'const rows = await db.query(`SELECT * FROM orders WHERE id = ${req.query.id}`);',
  },
  {
    ruleId: 'sast/js-insecure-random-token',
    weight: 5,
    paths: ['src/middleware/request-id.ts', 'src/util/ids.ts', 'src/routes/carts.ts'],
    message: 'Math.random() makes an identifier',
    snippet: 'const requestId = Math.random().toString(36).slice(2);',
    noise: 0.65,
    falsePositiveWhy: 'Request correlation id, not a secret: nothing depends on it being unguessable.',
  },
  {
    ruleId: 'sast/js-reflected-xss',
    weight: 2,
    paths: ['src/routes/search.ts', 'src/routes/errors.ts'],
    message: 'req.query.q is written into the HTML response',
    snippet: 'res.send(`<h1>Results for ${req.query.q}</h1>`);',
  },
  {
    ruleId: 'sast/js-path-traversal',
    weight: 2,
    paths: ['src/routes/invoices.ts'],
    message: 'req.params.file reaches res.sendFile()',
    snippet: 'res.sendFile(path.join(INVOICES, req.params.file));',
  },
  {
    ruleId: 'sast/js-prototype-pollution',
    weight: 2,
    paths: ['src/routes/settings.ts', 'src/util/merge.ts'],
    message: 'req.body is merged key by key into a shared object',
    snippet: 'deepMerge(settings, req.body);',
    noise: 0.3,
    falsePositiveWhy: 'deepMerge drops __proto__, constructor and prototype keys (src/util/merge.ts).',
  },
  {
    ruleId: 'sast/js-child-process-injection',
    weight: 1,
    paths: ['src/jobs/thumbnails.ts'],
    message: 'req.body.file reaches exec()',
    snippet: 'exec(`convert ${req.body.file} -resize 200x200 thumb.png`);',
  },
  secret('secrets/stripe-secret-key', ['config/stripe.ts', '.env.production'], 'sk_l', 'STRIPE_SECRET_KEY'),
  secret('secrets/github-pat-classic', ['.github/workflows/release.yml'], 'ghp_', 'GH_TOKEN'),
  ...NPM_ADVISORIES,
  ...kubernetes,
];

const GO_TEMPLATES: FindingTemplate[] = [
  {
    ruleId: 'sast/go-sql-injection',
    weight: 3,
    paths: ['internal/store/users.go', 'internal/store/sessions.go'],
    message: 'r.URL.Query() reaches db.Query() through fmt.Sprintf',
    snippet: 'rows, err := s.db.Query(fmt.Sprintf("SELECT * FROM users WHERE id = \'%s\'", id))',
  },
  {
    ruleId: 'sast/go-insecure-random',
    weight: 4,
    paths: ['internal/auth/otp.go', 'internal/jitter/backoff.go', 'internal/ids/ids.go'],
    message: 'math/rand makes a value used as a token',
    snippet: 'code := fmt.Sprintf("%06d", rand.Intn(1000000))',
    noise: 0.55,
    falsePositiveWhy: 'Retry jitter, not a token: the OTP code uses crypto/rand (otp.go:41).',
  },
  {
    ruleId: 'sast/go-tls-insecure-skip-verify',
    weight: 2,
    paths: ['internal/clients/ldap.go', 'cmd/healthcheck/main.go'],
    message: 'tls.Config{InsecureSkipVerify: true}',
    snippet: 'TLSClientConfig: &tls.Config{InsecureSkipVerify: true},',
    noise: 0.25,
    falsePositiveWhy: 'Health check of the local sidecar, which has a self-signed certificate.',
  },
  {
    ruleId: 'sast/go-path-traversal',
    weight: 1,
    paths: ['internal/http/avatars.go'],
    message: 'r.URL.Path reaches os.Open()',
  },
  {
    ruleId: 'sast/go-command-injection',
    weight: 1,
    paths: ['internal/admin/diagnostics.go'],
    message: 'r.FormValue("host") reaches exec.Command("sh", "-c", …)',
  },
  secret(
    'secrets/aws-access-key-id',
    ['deploy/terraform.tfvars', 'scripts/backup.sh'],
    'AKIA',
    'AWS_ACCESS_KEY_ID',
  ),
  ...GO_ADVISORIES,
  ...kubernetes,
  ...terraform,
];

const JAVA_TEMPLATES: FindingTemplate[] = [
  {
    ruleId: 'sast/java-jdbc-sql-injection',
    weight: 3,
    paths: [
      'src/main/java/com/acme/ledger/EntryRepository.java',
      'src/main/java/com/acme/ledger/ReportDao.java',
    ],
    message: 'request.getParameter("account") reaches Statement.executeQuery()',
    snippet: 'stmt.executeQuery("SELECT * FROM entries WHERE account = \'" + account + "\'");',
  },
  {
    ruleId: 'sast/java-insecure-random',
    weight: 3,
    paths: [
      'src/main/java/com/acme/ledger/TransferIds.java',
      'src/main/java/com/acme/ledger/RetryPolicy.java',
    ],
    message: 'java.util.Random makes a security value',
    snippet: 'String reference = Long.toHexString(new Random().nextLong());',
    noise: 0.5,
    falsePositiveWhy: 'Backoff jitter, not a security value.',
  },
  {
    ruleId: 'sast/java-xxe-parser',
    weight: 2,
    paths: ['src/main/java/com/acme/ledger/StatementImport.java'],
    message: 'DocumentBuilderFactory without disallow-doctype-decl',
  },
  {
    ruleId: 'sast/java-insecure-deserialization',
    weight: 1,
    paths: ['src/main/java/com/acme/ledger/LegacyBridge.java'],
    message: 'ObjectInputStream reads the request body',
  },
  secret(
    'secrets/aws-access-key-id',
    ['src/main/resources/application-prod.properties'],
    'AKIA',
    'aws.accessKeyId',
  ),
  ...MAVEN_ADVISORIES,
  {
    ruleId: 'iac/dockerfile-user-root',
    weight: 1,
    paths: ['Dockerfile'],
    message: 'the final stage has no USER: the container runs as root',
  },
  ...kubernetes,
];

const PYTHON_TEMPLATES: FindingTemplate[] = [
  {
    ruleId: 'sast/py-sql-injection',
    weight: 3,
    paths: ['analytics/queries.py', 'analytics/api/reports.py'],
    message: 'request.args reaches cursor.execute() in an f-string',
    snippet: 'cur.execute(f"SELECT * FROM events WHERE source = \'{source}\'")',
  },
  {
    ruleId: 'sast/py-debug-enabled',
    weight: 3,
    paths: ['analytics/settings_dev.py', 'analytics/app.py', 'notebooks/serve.py'],
    message: 'DEBUG = True',
    snippet: 'DEBUG = True',
    noise: 0.6,
    falsePositiveWhy: 'Development settings, never loaded in production (see settings_prod.py).',
  },
  {
    ruleId: 'sast/py-unsafe-yaml-load',
    weight: 2,
    paths: ['analytics/pipeline/config.py'],
    message: 'yaml.load() without SafeLoader',
    snippet: 'config = yaml.load(stream, Loader=yaml.Loader)',
  },
  {
    ruleId: 'sast/py-ssrf-request',
    weight: 1,
    paths: ['analytics/api/webhooks.py'],
    message: 'request.json["url"] reaches requests.get()',
  },
  {
    ruleId: 'sast/py-subprocess-shell-injection',
    weight: 1,
    paths: ['analytics/export.py'],
    message: 'request data reaches subprocess.run(..., shell=True)',
  },
  secret('secrets/sendgrid-api-key', ['analytics/notify.py'], 'SG.H', 'SENDGRID_API_KEY'),
  secret(
    'secrets/postgres-connection-string',
    ['docker-compose.yml', 'airflow/dags/load.py'],
    'post',
    'DATABASE_URL',
  ),
  ...PYPI_ADVISORIES,
  ...terraform,
];

/** The stacks the synthetic services are built on. */
export const STACKS = {
  node: {
    templates: NODE_TEMPLATES,
    packages: [
      ['npm', 'react', '18.2.0'],
      ['npm', 'pg', '8.11.3'],
      ['npm', 'zod', '3.22.4'],
    ],
  },
  go: {
    templates: GO_TEMPLATES,
    packages: [
      ['Go', 'github.com/go-chi/chi/v5', '5.0.12'],
      ['Go', 'golang.org/x/crypto', '0.21.0'],
    ],
  },
  java: {
    templates: JAVA_TEMPLATES,
    packages: [
      ['Maven', 'org.postgresql:postgresql', '42.7.3'],
      ['Maven', 'org.slf4j:slf4j-api', '2.0.12'],
    ],
  },
  python: {
    templates: PYTHON_TEMPLATES,
    packages: [
      ['PyPI', 'pandas', '2.2.1'],
      ['PyPI', 'requests', '2.31.0'],
      ['PyPI', 'sqlalchemy', '2.0.28'],
    ],
  },
} as const satisfies Record<string, Stack>;
