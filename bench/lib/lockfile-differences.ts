/**
 * Where Gatehouse's lockfile parsers deliberately report something else than the public parser
 * corpus (osv-scalibr's testdata) expects, and why. bench/accuracy-lockfiles.ts still counts
 * them in its raw numbers, and prints a second precision/recall with the package keys listed
 * here excused, so that a new miss stands out. Every entry is a decision, not a bug left open:
 * a real parser bug is fixed, never listed here.
 */
export interface KnownDifference {
  extractor: string;
  /** Suffix of the case's input path; '' for every case of the extractor. */
  input: string;
  /** The case name, when one input is shared by cases that expect different things. */
  case?: string;
  /** The keys (score_sca_packages.py's `name@version` form) it explains; absent: every miss of the case. */
  keys?: RegExp;
  why: string;
}

const RANGES =
  'a range is not a version (docs/decisions/006): Gatehouse reports the package unresolved with the ' +
  'range as its constraint and never matches it against advisories; the corpus writes its lower bound ' +
  '(`>=0.2.2` as 0.2.2) or no version';

const UV_ARTIFACT =
  'corpus artifact: these expectations are built by a Go helper the corpus could not evaluate (they are ' +
  '"unresolved" entries, dropped by score_sca_packages.py), so the want-set is empty and every correct ' +
  'package counts as extra. The names and versions in the unresolved text match what the parser returns.';

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    extractor: 'javascript/packagejson',
    input: '',
    why:
      "osv-scalibr's packagejson extractor inventories installed packages: a node_modules/x/package.json " +
      'reports x itself, and it turns ranges into a guessed minimum version (">2.0.0" -> 2.0.1). ' +
      "Gatehouse's package-json parser reads a project's manifest when no lockfile sits beside it: the " +
      'declared dependencies, ranges reported unresolved with their constraint (never a guessed version), the ' +
      "project's own name/version not reported (it is not a dependency and would match same-named advisories). " +
      "Installed packages' manifests are read for their licenses instead (src/scanners/sca/licenses/).",
  },
  {
    extractor: 'javascript/yarnlock',
    input: 'exclude-root.v2.lock',
    why:
      'yarn berry writes "0.0.0-use.local" for every workspace: a placeholder, not a published version. ' +
      "Gatehouse reads the workspace's own package.json for its version and reports it unresolved when there " +
      'is none (the corpus has none), so a placeholder never matches an advisory range.',
  },
  ...[
    'one-package.lock',
    'two-packages.lock',
    'grouped-packages.lock',
    'names-outside-package-block.lock',
  ].map((input) => ({ extractor: 'python/uvlock', input, why: UV_ARTIFACT })),
  {
    extractor: 'golang/gomod',
    input: '',
    keys: /^stdlib@/,
    why:
      "osv-scalibr reports the standard library as a package `stdlib` at go.mod's `toolchain` (else `go`) " +
      'version. Those lines state the oldest Go that may build the module (Go 1.21+ switches to that toolchain ' +
      'only when the local one is older), not the Go that does: taken as the installed standard library, they ' +
      'would match every stdlib advisory fixed since, whatever toolchain CI runs, the lower-bound guess ' +
      'decision 006 rules out. Gatehouse reports no stdlib from go.mod.',
  },
  {
    extractor: 'golang/gomod',
    input: 'replace-local.mod',
    keys: /fork\/net/,
    why:
      '`replace golang.org/x/net v1.2.3 => ./fork/net` builds a local folder: osv-scalibr reports a package ' +
      'named "./fork/net" without a version. Gatehouse keeps the module path (the name advisories use) and ' +
      'reports it unresolved with the folder as constraint: listed in the inventory, never matched.',
  },
  {
    extractor: 'golang/gomod',
    input: 'indirect-1.16.mod',
    case: 'test extractor for go <=1.16',
    why:
      'before Go 1.17, go.mod lists only what the module requires itself; osv-scalibr adds every module ' +
      'go.sum hashes. go.sum also keeps modules the build does not use (versions MVS passed over, ' +
      "dependencies' test dependencies), so issue #3 says go.sum only confirms versions, never adds modules. " +
      'Such modules are found once `go mod tidy -go=1.17` writes the full list into go.mod.',
  },
  {
    extractor: 'golang/gomod',
    input: 'indirect-packages.mod',
    case: 'exclude indirect',
    why:
      'tests an osv-scalibr option that leaves out `// indirect` requirements; Gatehouse has no such option ' +
      'and reports them, marked direct: false (a gate rule can treat them differently).',
  },
  {
    extractor: 'java/pomxml',
    input: 'interpolation.xml',
    keys: /ranged-package/,
    why: `\`[9.4.35.v20201120,9.5)\` is a Maven version range: ${RANGES}.`,
  },
  {
    extractor: 'java/pomxml',
    input: 'multi-version.xml',
    why:
      "declared twice in one POM: Maven's model builder keeps the last declaration (it merges duplicate " +
      'dependencies by management key, last one wins, and warns), osv-scalibr the first. Gatehouse does what ' +
      'Maven does, and warns.',
  },
  {
    extractor: 'python/requirements',
    input: 'with_versions.txt',
    keys: /^(newspaper3k|asdf|combination-also-valid|pkg)@/,
    why: `${RANGES}; \`==0.7.*\` is a range too.`,
  },
  {
    extractor: 'python/requirements',
    input: 'comments.txt',
    keys: /^pycrypto@/,
    why:
      '`1.2-alpha` and `1.2a0` are one version; Gatehouse reports the PEP 440 normal form, the spelling ' +
      'advisories and the matcher use.',
  },
  {
    extractor: 'python/requirements',
    input: 'example.txt',
    keys: /^(requests|keyring|coverage|mopidy-dirble|urllib3|numpy|wxpython-phoenix)@/,
    why:
      `requests, keyring, coverage, Mopidy-Dirble: ${RANGES}. urllib3 is given as a URL: reported ` +
      "unresolved with the URL. numpy and wxPython-Phoenix are wheel files, whose names fix the package's " +
      'name and version (PEP 427), so they are reported at those versions; the corpus leaves all three kinds out.',
  },
  {
    extractor: 'python/requirements',
    input: 'env_var.txt',
    keys: /^qwert@/,
    why:
      '`qwert==${MY_VARIABLE_1}`: pip expands the variable at install time. Gatehouse lists the package ' +
      'unresolved and warns, rather than dropping a dependency from the inventory without a word.',
  },
  {
    extractor: 'python/requirements',
    input: 'per_req_options.txt',
    keys: /^foo7@/,
    why:
      '`foo7==1.0 unexpected_text_before_options_stays_around` is not a PEP 508 requirement (pip refuses the ' +
      'whole file for it); Gatehouse warns and skips the line rather than report version "1.0 unexpected…".',
  },
  {
    extractor: 'rust/cargolock',
    input: 'two-packages-with-local.lock',
    keys: /^local-rust-pkg@/,
    why:
      "a crate without `source` is one of the workspace's own crates: not a dependency, and reported it " +
      "would match advisories for a same-named crates.io crate (as with package.json's own name).",
  },
];

/** The differences that apply to a case. */
export function differencesFor(c: { extractor: string; input: string; case: string }): KnownDifference[] {
  return KNOWN_DIFFERENCES.filter(
    (k) => k.extractor === c.extractor && c.input.endsWith(k.input) && (k.case ?? c.case) === c.case,
  );
}

/** Whether one missing or extra key of a case is a documented difference. */
export function isExplained(differences: readonly KnownDifference[], key: string): boolean {
  return differences.some((k) => k.keys === undefined || k.keys.test(key));
}
