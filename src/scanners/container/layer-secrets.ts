import { createHash } from 'node:crypto';
import type { FindingDraft } from '../../core/finding.js';
import { secretInfo } from '../../core/redact.js';
import type { Detector } from '../secrets/detector.js';
import { matchLocation } from '../secrets/drafts.js';
import { isTestLikePath } from '../secrets/engine/filters.js';
import type { RawMatch } from '../secrets/engine/matcher.js';
import { isBinaryPath, looksBinary } from '../secrets/file-scan.js';
import { secretsEngine } from './hardening/secret-values.js';
import type { FsEntry, Image, LayeredFs, LayerFile } from './image/index.js';
import { layerProperties } from './layer-origin.js';
import { SECRET_IN_LAYER } from './rules.js';

/** Text a person or a build step wrote; larger files are data, not configuration. */
const MAX_SECRET_FILE_BYTES = 1024 * 1024;

/**
 * Where packages put their own files: an OS package's documentation and test data, a library's
 * bundled fixtures. Their example keys are not the image's secrets, and searching them turns an
 * image scan into noise (Debian's python3-cryptography alone ships test private keys).
 */
const PACKAGE_TREES =
  /^(?:usr\/(?:share|lib|lib64|include|libexec)|lib|lib64|var\/lib\/(?:dpkg|apt|rpm|apk)|var\/cache|proc|sys|dev)\/|(?:^|\/)(?:node_modules|site-packages|dist-packages|\.cache|go\/pkg\/mod|\.m2\/repository|\.cargo\/registry)\//;

interface Hit {
  match: RawMatch;
  path: string;
  layer: number;
}

/**
 * Secrets in the files of every layer, the ones a later layer deleted or replaced included: a
 * `RUN rm .env` does not take the file out of the image, anyone who pulls it can read the layer.
 */
export class LayerSecrets {
  private readonly hits: Hit[] = [];
  private readonly detectors = secretsEngine().detectors;
  private readonly matcher = secretsEngine().matcher;

  wants(path: string, entry: FsEntry): boolean {
    return (
      entry.type === 'file' &&
      entry.size <= MAX_SECRET_FILE_BYTES &&
      !isBinaryPath(path) &&
      !PACKAGE_TREES.test(path)
    );
  }

  scan(file: LayerFile): void {
    if (looksBinary(file.content)) return;
    for (const match of this.matcher.scan(file.content))
      this.hits.push({ match, path: file.path, layer: file.layer });
  }

  /** One finding per secret and file; the final filesystem tells whether that copy is still visible. */
  drafts(image: Image, fs: LayeredFs): FindingDraft[] {
    const seen = new Set<string>();
    return this.hits.flatMap((hit) => {
      const key = `${hit.path}\0${hit.match.secret}`;
      const d = this.detectors.get(hit.match.detectorId);
      // Name-based guesses in test and example files are where fake credentials live.
      if (seen.has(key) || !d || (d.generic && isTestLikePath(hit.path))) return [];
      seen.add(key);
      return [this.draft(hit, d, image, fs)];
    });
  }

  private draft(hit: Hit, d: Detector, image: Image, fs: LayeredFs): FindingDraft {
    const { match: m, path, layer } = hit;
    const info = secretInfo(m.secret);
    const now = fs.get(path);
    const where =
      now?.layer === layer
        ? `in ${path}`
        : `in ${path} as layer ${layer} wrote it; ${now ? `a later layer replaced the file` : 'a later layer deleted the file'}, but layer ${layer} still holds it and anyone who pulls the image can read it`;
    const draft: FindingDraft = {
      ruleId: SECRET_IN_LAYER.id,
      message: `${d.title} ${info.redacted} (sha256:${info.hash}) ${where}`,
      location: matchLocation(m, path),
      fingerprintContent: createHash('sha256').update(`${d.id}\0${m.secret}`).digest('hex'),
      severity: d.severity,
      secret: info,
      properties: {
        detector: d.id,
        provider: d.provider,
        stillVisible: now?.layer === layer,
        ...layerProperties(image, layer),
      },
    };
    if (m.confidence) draft.confidence = m.confidence;
    return draft;
  }
}
