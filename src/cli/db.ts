import { type Command, Option } from 'commander';
import { UserError } from '../core/errors.js';
import { shouldShowProgress } from '../core/progress.js';
import { type ImportReport, importAdvisories } from '../vulndb/import.js';
import { vulnDbPath } from '../vulndb/paths.js';
import { statusJson, statusTable } from '../vulndb/status.js';
import { VulnStore } from '../vulndb/store.js';
import { DEFAULT_UPDATE_ECOSYSTEMS, updateDatabase } from '../vulndb/update.js';

interface UpdateFlags {
  ecosystem?: string[];
  mirror?: string;
  timeout: string;
}

/** Problems printed in full before the rest are only counted. */
const SHOWN_PROBLEMS = 20;

export function registerDb(program: Command): void {
  const db = program
    .command('db')
    .description('The local vulnerability database (OSV advisories): import, update, status');
  db.command('import')
    .description('Load advisories from OSV JSON/YAML files, folders and zip dumps (no network)')
    .argument('<paths...>', 'files, folders or .zip dumps')
    .option('--strict', 'fail (and import nothing) on any malformed file or record')
    .action(async (paths: string[], flags: { strict?: boolean }) => {
      await withStore((store) => runImport(store, paths, Boolean(flags.strict)));
    });
  db.command('update')
    .description('Download the OSV dumps and import them (the only command that downloads)')
    .option(
      '--ecosystem <names...>',
      `ecosystems as OSV names them (default: ${DEFAULT_UPDATE_ECOSYSTEMS.join(', ')})`,
    )
    .option(
      '--mirror <url>',
      'base URL of a mirror with the <ecosystem>/all.zip layout (or GATEHOUSE_OSV_MIRROR)',
    )
    .option('--timeout <seconds>', 'give up on a download after this long', '900')
    .action(async (flags: UpdateFlags) => {
      const timeout = timeoutMs(flags.timeout);
      await withStore((store) => runUpdate(store, flags, timeout));
    });
  db.command('status')
    .description('What is loaded, per ecosystem, and how old it is')
    .addOption(new Option('--format <format>', 'table or json').choices(['table', 'json']).default('table'))
    .action((flags: { format: 'table' | 'json' }) => {
      const path = vulnDbPath();
      const store = VulnStore.open(path, { readonly: true });
      try {
        const rows = store.status();
        process.stdout.write(flags.format === 'json' ? statusJson(rows, path) : statusTable(rows, path));
      } finally {
        store.close();
      }
    });
}

async function withStore(fn: (store: VulnStore) => Promise<void>): Promise<void> {
  const store = VulnStore.open(vulnDbPath());
  try {
    await fn(store);
  } finally {
    store.close();
  }
}

async function runImport(store: VulnStore, paths: string[], strict: boolean): Promise<void> {
  const progress = progressLine();
  const report = await importAdvisories(store, paths, { strict, onProgress: progress.update }).finally(
    progress.stop,
  );
  printReport(report, store);
}

async function runUpdate(store: VulnStore, flags: UpdateFlags, timeoutMs: number): Promise<void> {
  const progress = progressLine();
  const r = await updateDatabase(store, {
    ecosystems: flags.ecosystem,
    mirror: flags.mirror,
    env: process.env,
    limits: { timeoutMs },
    onDownload: (ecosystem) => progress.say(`downloading ${ecosystem} advisories`),
    onProgress: progress.update,
  }).finally(progress.stop);
  const mib = r.downloads.reduce((n, d) => n + d.bytes, 0) / 1024 / 1024;
  process.stdout.write(`Downloaded ${r.downloads.length} dump(s), ${mib.toFixed(1)} MiB.\n`);
  printReport(r.import, store);
}

function timeoutMs(text: string): number {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UserError(`--timeout '${text}' is not a number of seconds`);
  return seconds * 1000;
}

function printReport(r: ImportReport, store: VulnStore): void {
  const n = (x: number) => x.toLocaleString('en-US');
  process.stdout.write(
    `Imported ${n(r.records)} advisories from ${n(r.files)} files in ${r.seconds.toFixed(1)} s: ` +
      `${n(r.inserted)} new, ${n(r.updated)} updated, ${n(r.unchanged)} unchanged.\n`,
  );
  if (r.skippedFiles > 0)
    process.stdout.write(`${n(r.skippedFiles)} files were not advisories and were skipped.\n`);
  for (const note of r.notes) process.stdout.write(`Left out ${n(note.count)}: ${note.reason}.\n`);
  if (r.rejectedCount > 0) {
    process.stderr.write(
      `gatehouse: warning: ${n(r.rejectedCount)} malformed files or records were skipped:\n`,
    );
    for (const d of r.rejected.slice(0, SHOWN_PROBLEMS)) process.stderr.write(`  ${d.file}: ${d.reason}\n`);
    if (r.rejectedCount > SHOWN_PROBLEMS)
      process.stderr.write(`  ... and ${n(r.rejectedCount - SHOWN_PROBLEMS)} more\n`);
  }
  process.stdout.write(`Database: ${store.path}\n`);
}

/** A one-line counter on stderr for people at a terminal; silent in CI and pipes. */
function progressLine() {
  const show = shouldShowProgress(process.stderr, process.env);
  let last = 0;
  const write = (text: string) => show && process.stderr.write(`\r\x1b[2K${text}`);
  return {
    say(text: string) {
      write(`${text}…`);
    },
    update(r: Readonly<ImportReport>) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      write(
        `importing… ${r.records.toLocaleString('en-US')} advisories from ${r.files.toLocaleString('en-US')} files`,
      );
    },
    stop() {
      if (show) process.stderr.write('\r\x1b[2K');
    },
  };
}
