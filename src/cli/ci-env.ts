import { stripCredentials } from '../core/git-info.js';

/** Where a scan comes from, as sent to the server with an upload. */
export interface PipelineContext {
  repository?: string;
  branch?: string;
  commit?: string;
  pipelineId?: string;
  stage?: string;
}

export type CiName = 'github' | 'gitlab' | 'circleci' | 'jenkins';

export interface ResolvedContext extends PipelineContext {
  /** The CI system recognised from the environment, if any. */
  ci?: CiName;
}

type Env = Readonly<Record<string, string | undefined>>;

interface CiReader {
  name: CiName;
  detect(env: Env): boolean;
  read(env: Env): PipelineContext;
}

/** Some CIs set variables to an empty string when they do not apply (GITHUB_HEAD_REF on a push). */
function v(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function first(...values: (string | undefined)[]): string | undefined {
  return values.find((x) => x !== undefined);
}

const github: CiReader = {
  name: 'github',
  detect: (env) => v(env, 'GITHUB_ACTIONS') === 'true',
  read: (env) => {
    const repo = v(env, 'GITHUB_REPOSITORY');
    const server = v(env, 'GITHUB_SERVER_URL') ?? 'https://github.com';
    const run = v(env, 'GITHUB_RUN_ID');
    const attempt = v(env, 'GITHUB_RUN_ATTEMPT');
    return {
      repository: repo ? `${server.replace(/\/+$/, '')}/${repo}` : undefined,
      // GITHUB_REF_NAME of a pull request is `123/merge`; the head ref is the branch people know.
      branch: first(v(env, 'GITHUB_HEAD_REF'), v(env, 'GITHUB_REF_NAME')),
      commit: v(env, 'GITHUB_SHA'),
      // A re-run keeps the run id; the attempt tells the runs apart.
      pipelineId: run && attempt && attempt !== '1' ? `${run}-${attempt}` : run,
      stage: v(env, 'GITHUB_JOB'),
    };
  },
};

const gitlab: CiReader = {
  name: 'gitlab',
  detect: (env) => v(env, 'GITLAB_CI') === 'true',
  read: (env) => {
    const path = v(env, 'CI_PROJECT_PATH');
    const server = v(env, 'CI_SERVER_URL');
    return {
      repository: first(
        v(env, 'CI_PROJECT_URL'),
        path && server ? `${server.replace(/\/+$/, '')}/${path}` : path,
      ),
      branch: first(v(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME'), v(env, 'CI_COMMIT_REF_NAME')),
      commit: v(env, 'CI_COMMIT_SHA'),
      pipelineId: v(env, 'CI_PIPELINE_ID'),
      stage: v(env, 'CI_JOB_STAGE'),
    };
  },
};

const circleci: CiReader = {
  name: 'circleci',
  detect: (env) => v(env, 'CIRCLECI') === 'true',
  read: (env) => ({
    repository: v(env, 'CIRCLE_REPOSITORY_URL'),
    branch: v(env, 'CIRCLE_BRANCH'),
    commit: v(env, 'CIRCLE_SHA1'),
    pipelineId: first(v(env, 'CIRCLE_WORKFLOW_ID'), v(env, 'CIRCLE_BUILD_NUM')),
    stage: v(env, 'CIRCLE_JOB'),
  }),
};

const jenkins: CiReader = {
  name: 'jenkins',
  detect: (env) =>
    v(env, 'JENKINS_URL') !== undefined ||
    v(env, 'JENKINS_HOME') !== undefined ||
    Boolean(v(env, 'BUILD_TAG')?.startsWith('jenkins-')),
  read: (env) => {
    const job = v(env, 'JOB_NAME');
    const build = v(env, 'BUILD_NUMBER');
    return {
      repository: v(env, 'GIT_URL'),
      // Multibranch pipelines name a pull request `PR-12` in BRANCH_NAME; CHANGE_BRANCH is its source.
      branch: first(
        v(env, 'CHANGE_BRANCH'),
        v(env, 'BRANCH_NAME'),
        localBranch(v(env, 'GIT_LOCAL_BRANCH')),
        localBranch(v(env, 'GIT_BRANCH')),
      ),
      commit: v(env, 'GIT_COMMIT'),
      pipelineId: first(v(env, 'BUILD_TAG'), job && build ? `${job}#${build}` : build),
      stage: v(env, 'STAGE_NAME'),
    };
  },
};

/** The Git plugin's GIT_BRANCH is the remote-tracking name (`origin/main`); the server wants `main`. */
function localBranch(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return name.replace(/^refs\/heads\//, '').replace(/^(refs\/remotes\/)?origin\//, '') || undefined;
}

/** Checked in this order: Jenkins last, its detection is the loosest (a runner may run inside it). */
const READERS: readonly CiReader[] = [github, gitlab, circleci, jenkins];

export function detectCi(env: Env): CiName | undefined {
  return READERS.find((r) => r.detect(env))?.name;
}

const FIELDS = ['repository', 'branch', 'commit', 'pipelineId', 'stage'] as const;

/**
 * The context of an upload, field by field: a flag, else the CI's variable, else the scanned
 * checkout's git information (what a laptop has; a CI checkout is often a detached HEAD, so
 * the CI's own variables come first). Remote URLs lose any credentials they carry.
 */
export function resolveContext(env: Env, fallback: PipelineContext, flags: PipelineContext): ResolvedContext {
  const reader = READERS.find((r) => r.detect(env));
  const fromCi = reader?.read(env) ?? {};
  const out: ResolvedContext = reader ? { ci: reader.name } : {};
  for (const field of FIELDS) {
    const value = first(nonEmpty(flags[field]), fromCi[field], nonEmpty(fallback[field]));
    if (value !== undefined) out[field] = value;
  }
  if (out.repository) out.repository = stripCredentials(out.repository);
  return out;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}
