import type { IacRule } from '../../rule.js';
import { dockerfileAddInsteadOfCopy } from './add-instead-of-copy.js';
import { dockerfileAddUrl } from './add-url.js';
import { dockerfileApkNoCache } from './apk-no-cache.js';
import { dockerfileAptListsNotCleaned } from './apt-lists-not-cleaned.js';
import { dockerfileAptNoInstallRecommends } from './apt-no-install-recommends.js';
import { dockerfileAptUpgrade } from './apt-upgrade.js';
import { dockerfileChmodWorldWritable } from './chmod-world-writable.js';
import { dockerfileCurlPipeShell } from './curl-pipe-shell.js';
import { dockerfileExposeSsh } from './expose-ssh.js';
import { dockerfileHealthcheckMissing } from './healthcheck-missing.js';
import { dockerfileImageLatest } from './image-latest.js';
import { dockerfileImageNotPinned } from './image-not-pinned.js';
import { dockerfileMaintainer } from './maintainer.js';
import { dockerfileMultipleCmd } from './multiple-cmd.js';
import { dockerfilePipNoCacheDir } from './pip-no-cache-dir.js';
import { dockerfileRunCd } from './run-cd.js';
import { dockerfileRunInsecure } from './run-insecure.js';
import { dockerfileSecretEnv } from './secret-env.js';
import { dockerfileSudo } from './sudo.js';
import { dockerfileUnpinnedPackage } from './unpinned-package.js';
import { dockerfileUpdateAlone } from './update-alone.js';
import { dockerfileUserRoot } from './user-root.js';
import { dockerfileWorkdirRelative } from './workdir-relative.js';
import { dockerfileYumNoClean } from './yum-no-clean.js';

/** Rules on Dockerfile build stages. */
export const DOCKERFILE_RULES: readonly IacRule[] = [
  dockerfileUserRoot,
  dockerfileSecretEnv,
  dockerfileRunInsecure,
  dockerfileImageLatest,
  dockerfileImageNotPinned,
  dockerfileAddUrl,
  dockerfileAddInsteadOfCopy,
  dockerfileCurlPipeShell,
  dockerfileSudo,
  dockerfileChmodWorldWritable,
  dockerfileExposeSsh,
  dockerfileHealthcheckMissing,
  dockerfileUpdateAlone,
  dockerfileAptUpgrade,
  dockerfileAptNoInstallRecommends,
  dockerfileAptListsNotCleaned,
  dockerfileApkNoCache,
  dockerfilePipNoCacheDir,
  dockerfileYumNoClean,
  dockerfileUnpinnedPackage,
  dockerfileRunCd,
  dockerfileWorkdirRelative,
  dockerfileMultipleCmd,
  dockerfileMaintainer,
];
