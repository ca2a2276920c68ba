import { describe, expect, it } from 'vitest';
import { detectCi, resolveContext } from './ci-env.js';

const SHA = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const GIT = { repository: 'git@example.com:me/local.git', branch: 'local-branch', commit: 'f'.repeat(40) };

const GITHUB_PUSH = {
  GITHUB_ACTIONS: 'true',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/payments',
  GITHUB_REF_NAME: 'main',
  GITHUB_HEAD_REF: '',
  GITHUB_SHA: SHA,
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'security',
};

describe('resolveContext', () => {
  it('reads GitHub Actions on a push', () => {
    expect(resolveContext(GITHUB_PUSH, GIT, {})).toEqual({
      ci: 'github',
      repository: 'https://github.com/acme/payments',
      branch: 'main',
      commit: SHA,
      pipelineId: '9876543210',
      stage: 'security',
    });
  });

  it('takes the head branch of a GitHub pull request and tells re-runs apart', () => {
    const ctx = resolveContext(
      {
        ...GITHUB_PUSH,
        GITHUB_REF_NAME: '42/merge',
        GITHUB_HEAD_REF: 'feature/login',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_SERVER_URL: 'https://ghe.acme.test/',
      },
      GIT,
      {},
    );
    expect(ctx.branch).toBe('feature/login');
    expect(ctx.pipelineId).toBe('9876543210-2');
    expect(ctx.repository).toBe('https://ghe.acme.test/acme/payments');
  });

  it('reads GitLab CI, preferring the merge request source branch', () => {
    const env = {
      GITLAB_CI: 'true',
      CI_PROJECT_URL: 'https://gitlab.acme.test/group/api',
      CI_PROJECT_PATH: 'group/api',
      CI_COMMIT_REF_NAME: 'main',
      CI_COMMIT_SHA: SHA,
      CI_PIPELINE_ID: '1234',
      CI_JOB_STAGE: 'test',
    };
    expect(resolveContext(env, GIT, {})).toEqual({
      ci: 'gitlab',
      repository: 'https://gitlab.acme.test/group/api',
      branch: 'main',
      commit: SHA,
      pipelineId: '1234',
      stage: 'test',
    });
    const mr = resolveContext({ ...env, CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'fix/x' }, GIT, {});
    expect(mr.branch).toBe('fix/x');
    const pathOnly = { ...env, CI_PROJECT_URL: undefined, CI_SERVER_URL: 'https://gl.test' };
    expect(resolveContext(pathOnly, GIT, {}).repository).toBe('https://gl.test/group/api');
    expect(resolveContext({ ...env, CI_PROJECT_URL: '' }, GIT, {}).repository).toBe('group/api');
  });

  it('reads Jenkins: strips origin/ from GIT_BRANCH, credentials from GIT_URL, uses BUILD_TAG', () => {
    const env = {
      JENKINS_URL: 'https://jenkins.acme.test/',
      GIT_URL: 'https://bot:s3cr3t@git.acme.test/acme/billing.git',
      GIT_BRANCH: 'origin/release/2.0',
      GIT_COMMIT: SHA,
      BUILD_TAG: 'jenkins-billing-17',
      BUILD_NUMBER: '17',
      JOB_NAME: 'billing',
      STAGE_NAME: 'Security',
    };
    expect(resolveContext(env, GIT, {})).toEqual({
      ci: 'jenkins',
      repository: 'https://git.acme.test/acme/billing.git',
      branch: 'release/2.0',
      commit: SHA,
      pipelineId: 'jenkins-billing-17',
      stage: 'Security',
    });
    const multibranch = { ...env, BRANCH_NAME: 'main', BUILD_TAG: undefined };
    expect(resolveContext(multibranch, GIT, {})).toMatchObject({ branch: 'main', pipelineId: 'billing#17' });
    const pr = { ...multibranch, BRANCH_NAME: 'PR-12', CHANGE_BRANCH: 'feature/y' };
    expect(resolveContext(pr, GIT, {}).branch).toBe('feature/y');
    const remoteRef = { ...env, GIT_BRANCH: 'refs/remotes/origin/dev' };
    expect(resolveContext(remoteRef, GIT, {}).branch).toBe('dev');
  });

  it('reads CircleCI, with the build number when there is no workflow', () => {
    const env = {
      CIRCLECI: 'true',
      CIRCLE_REPOSITORY_URL: 'git@github.com:acme/web.git',
      CIRCLE_BRANCH: 'develop',
      CIRCLE_SHA1: SHA,
      CIRCLE_WORKFLOW_ID: '6f1c1a0e-7a8b-4d0e-9b5c-2f7f0c9a1e11',
      CIRCLE_BUILD_NUM: '88',
      CIRCLE_JOB: 'scan',
    };
    expect(resolveContext(env, GIT, {})).toEqual({
      ci: 'circleci',
      repository: 'git@github.com:acme/web.git',
      branch: 'develop',
      commit: SHA,
      pipelineId: '6f1c1a0e-7a8b-4d0e-9b5c-2f7f0c9a1e11',
      stage: 'scan',
    });
    expect(resolveContext({ ...env, CIRCLE_WORKFLOW_ID: '' }, GIT, {}).pipelineId).toBe('88');
  });

  it('falls back to the git checkout without a CI, and field by field when the CI lacks one', () => {
    expect(resolveContext({ PATH: '/usr/bin' }, GIT, {})).toEqual(GIT);
    const detached = resolveContext({ JENKINS_HOME: '/var/jenkins', STAGE_NAME: 'scan' }, GIT, {});
    expect(detached).toEqual({ ci: 'jenkins', ...GIT, stage: 'scan' });
  });

  it('lets flags override the CI and the checkout', () => {
    const flags = {
      repository: 'https://x.test/r',
      branch: 'b',
      commit: 'c',
      pipelineId: 'p',
      stage: 's',
    };
    expect(resolveContext(GITHUB_PUSH, GIT, flags)).toEqual({ ci: 'github', ...flags });
    expect(resolveContext(GITHUB_PUSH, GIT, { branch: '  ' }).branch).toBe('main');
  });

  it('never keeps credentials in a repository URL, whatever its source', () => {
    const fallback = { repository: 'https://oauth2:glpat-xyz@gitlab.test/a/b.git' };
    expect(resolveContext({}, fallback, {}).repository).toBe('https://gitlab.test/a/b.git');
    expect(resolveContext({}, {}, { repository: 'https://u:p@h.test/r' }).repository).toBe(
      'https://h.test/r',
    );
  });
});

describe('detectCi', () => {
  it('recognises each CI and nothing on a laptop', () => {
    expect(detectCi({ GITHUB_ACTIONS: 'true' })).toBe('github');
    expect(detectCi({ GITLAB_CI: 'true' })).toBe('gitlab');
    expect(detectCi({ CIRCLECI: 'true' })).toBe('circleci');
    expect(detectCi({ BUILD_TAG: 'jenkins-x-1' })).toBe('jenkins');
    expect(detectCi({ CI: 'true', HOME: '/home/me' })).toBeUndefined();
  });
});
