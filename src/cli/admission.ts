import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { AdmissionDecider, type AdmissionMode } from '../admission/decide.js';
import { admissionManifest } from '../admission/manifest.js';
import { createWebhookServer } from '../admission/server.js';
import { loadConfig } from '../core/config.js';
import { UserError } from '../core/errors.js';
import { toolVersion } from '../core/version.js';
import { compilePolicy } from '../policy/policy.js';
import { loadCustomRules } from '../scanners/iac/custom/load.js';
import { IAC_RULES } from '../scanners/iac/rules/index.js';
import { writeOutput } from './output.js';
import { EXIT_PASS, type RunState } from './program.js';

interface ServeFlags {
  tlsCert: string;
  tlsKey: string;
  port: string;
  host: string;
  config?: string;
  mode: AdmissionMode;
  excludeNamespace: string[];
}

interface ManifestFlags {
  namespace: string;
  image: string;
  failurePolicy: 'Fail' | 'Ignore';
  mode: AdmissionMode;
  caBundle?: string;
  excludeNamespace: string[];
  output?: string;
}

const modeOption = () =>
  new Option('--mode <mode>', 'enforce: deny what the gate fails; audit: only warn and annotate')
    .choices(['enforce', 'audit'])
    .default('enforce');
const excludeOption = () =>
  new Option('--exclude-namespace <ns...>', 'namespaces never checked').default(['kube-system']);

export function registerAdmission(program: Command, state: RunState): void {
  const admission = program
    .command('admission')
    .description('Kubernetes validating admission webhook with the same rules and gate policy as scan');
  admission
    .command('serve')
    .description('Serve AdmissionReview admission.k8s.io/v1 requests over HTTPS at POST /validate')
    .requiredOption('--tls-cert <file>', 'PEM certificate the API server trusts (with its chain)')
    .requiredOption('--tls-key <file>', 'PEM private key of the certificate')
    .option('--port <port>', 'port to listen on', '8443')
    .option('--host <host>', 'address to listen on', '0.0.0.0')
    .option(
      '-c, --config <file>',
      'policy file (default: gatehouse.yml in the current directory, if present)',
    )
    .addOption(modeOption())
    .addOption(excludeOption())
    .action(async (flags: ServeFlags) => {
      await serve(flags);
      state.exitCode = EXIT_PASS;
    });
  admission
    .command('manifest')
    .description(
      'Print the ServiceAccount, Service, Deployment and ValidatingWebhookConfiguration to install it',
    )
    .option('--namespace <ns>', 'namespace to install into', 'gatehouse')
    .option('--image <image>', 'container image with the gatehouse CLI', `gatehouse:${toolVersion()}`)
    .addOption(
      new Option('--failure-policy <policy>', 'Fail: fail closed (default); Ignore: fail open')
        .choices(['Fail', 'Ignore'])
        .default('Fail'),
    )
    .addOption(modeOption())
    .option(
      '--ca-bundle <file>',
      'PEM CA that signed the serving certificate (default: cert-manager injects it)',
    )
    .addOption(excludeOption())
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action((flags: ManifestFlags) => {
      const caBundle = flags.caBundle ? readPem(flags.caBundle, '--ca-bundle') : undefined;
      const text = admissionManifest({
        namespace: flags.namespace,
        image: flags.image,
        failurePolicy: flags.failurePolicy,
        mode: flags.mode,
        excludeNamespaces: flags.excludeNamespace,
        ...(caBundle ? { caBundle: caBundle.toString('utf8') } : {}),
      });
      writeOutput(flags.output, text);
      state.exitCode = EXIT_PASS;
    });
}

function readPem(path: string, flag: string): Buffer {
  try {
    const buf = readFileSync(path);
    if (!buf.toString('utf8').includes('-----BEGIN ')) throw new UserError(`${flag} ${path}: not a PEM file`);
    return buf;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${flag} ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
}

async function serve(flags: ServeFlags): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port ${flags.port}: not a port`);
  const { config, path: configPath } = loadConfig(process.cwd(), flags.config);
  const policy = compilePolicy(config, configPath);
  const rulesRoot = configPath ? dirname(resolve(configPath)) : process.cwd();
  const builtin = new Set(IAC_RULES.map((r) => r.id));
  const decider = new AdmissionDecider({
    policy,
    rules: [...IAC_RULES, ...loadCustomRules(rulesRoot, builtin)],
    mode: flags.mode,
    excludeNamespaces: new Set(flags.excludeNamespace),
  });
  const server = createWebhookServer({
    cert: readPem(flags.tlsCert, '--tls-cert'),
    key: readPem(flags.tlsKey, '--tls-key'),
    decider,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (e) =>
      reject(new UserError(`cannot listen on ${flags.host}:${port}: ${e.message}`)),
    );
    server.listen(port, flags.host, () => resolveListen());
  });
  const address = server.address();
  const shown = typeof address === 'object' && address ? address.port : port;
  process.stderr.write(
    `gatehouse admission webhook (${flags.mode}) on https://${flags.host}:${shown}/validate\n`,
  );
  await new Promise<void>((done) => {
    const stop = () => server.close(() => done());
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
