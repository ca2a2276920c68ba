import type { DockerStage } from '../../parsers/dockerfile-types.js';

/** The external image a stage starts from; undefined for `scratch`, an earlier stage, or an unknown name. */
export function externalImage(stage: DockerStage): string | undefined {
  const { image } = stage.from;
  if (stage.from.stage !== null || typeof image !== 'string' || image === '') return undefined;
  return image.toLowerCase() === 'scratch' ? undefined : image;
}

/** No digest and no tag (Docker then pulls `latest`), or the `latest` tag itself. */
export function floatsOnLatest(stage: DockerStage): boolean {
  const { tag, digest } = stage.from;
  return digest === null && (tag === null || tag === 'latest');
}
