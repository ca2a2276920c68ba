import { cargoLockParser } from './cargo-lock.js';
import { composerLockParser } from './composer-lock.js';
import { gemfileLockParser } from './gemfile-lock.js';
import { gradleLockfileParser } from './gradle-lockfile.js';
import { nugetPackagesConfigParser } from './nuget-packages-config.js';
import { nugetPackagesLockParser } from './nuget-packages-lock.js';
import type { LockfileParser } from './parser.js';
import { pomXmlParser } from './pom-xml.js';

/** Rust, Ruby, PHP, Java and .NET: one parser per format file. */
export const otherEcosystemParsers: LockfileParser[] = [
  cargoLockParser,
  gemfileLockParser,
  composerLockParser,
  pomXmlParser,
  gradleLockfileParser,
  nugetPackagesLockParser,
  nugetPackagesConfigParser,
];
