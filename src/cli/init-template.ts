/** The commented starting policy `gatehouse init` writes; every key is documented in docs/policy.md. */
export const INIT_TEMPLATE = `# gatehouse.yml — the security gate's policy for this repository.
# Every key is optional; the values below are the defaults. Reference: docs/policy.md
version: 1

# Scanners to run when --scanners is not given: secrets, sca, iac, sast.
scanners: [secrets, iac]

# Paths to leave out (globs relative to this file's directory). .gitignore is always respected.
exclude:
  # - "vendor/**"
  # - "**/*.min.js"

# Files larger than this are skipped with a diagnostic.
max_file_size: 10MiB

# Options of the secrets scanner.
secrets:
  # Name-based detection of passwords and keys that have no provider format.
  generic: true
  # Detectors to turn off, by rule id (see: gatehouse rules list --scanner secrets).
  disable: []
  # Values that are never reported (regular expressions), e.g. a well-known test key.
  allow_values: []

# Options of the infrastructure-as-code scanner; your own rules go in .gatehouse/rules/*.yml.
iac:
  # Rules to turn off, by id (see: gatehouse rules list --scanner iac).
  disable: []

# Options of the static analysis scanner.
sast:
  # Rules to turn off, by id (see: gatehouse rules list --scanner sast).
  disable: []
  # Time allowed to analyse one file.
  file_budget_ms: 2000
  # Larger source files are skipped (they are almost always generated).
  max_file_size: 1MiB

gate:
  # Findings at or above this severity block the pipeline (critical|high|medium|low|info|none).
  fail_on: high
  # Findings at or above this severity are shown as warnings but do not block.
  warn_on: medium
  # Findings below this confidence are reported but never block (high|medium|low).
  min_confidence: medium
  # Per-scanner thresholds override the two above.
  scanners:
    secrets:
      fail_on: medium
  # Only findings absent from the baseline report block (make one with
  # "gatehouse scan --format json --output .gatehouse/baseline.json").
  new_only: false
  # baseline: .gatehouse/baseline.json
  # Finer rules in CEL, first match wins; action is fail, warn, report or ignore.
  rules:
    # - name: live-secrets-always-block
    #   when: finding.scanner == "secrets" && finding.confidence == "high"
    #   action: fail
    #   message: A live credential must be rotated before merging.

# Accepted risks. Each needs a reason and an approver; after "expires" it stops applying
# and the report says so. Match by fingerprint (shown in every report) or by rule + path glob.
exceptions:
  # - fingerprint: 3f9a0c1d2e4b5a6978c0d1e2f3a4b5c6
  #   reason: Test key for the local emulator; has no access to real data.
  #   approver: jane.doe@example.com
  #   expires: 2027-06-30
  # - rule: secrets/generic-password
  #   path: "test/fixtures/**"
  #   reason: Fixture passwords for the integration test database.
  #   approver: security-team
# exceptions_file: .gatehouse/exceptions.yml
`;
