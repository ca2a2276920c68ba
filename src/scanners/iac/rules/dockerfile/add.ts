import type { DockerInstruction } from '../../parsers/dockerfile-types.js';

/** The sources of an ADD or COPY: every word but the destination, here-documents included. */
export function sources(ins: DockerInstruction): string[] {
  return ins.words.slice(0, -1);
}

export const isUrl = (s: string) => /^(https?|ftp):\/\//i.test(s);
/** A git repository ADD clones (`git@…`, `*.git`, `*.git#ref`). */
export const isGit = (s: string) => /^git@|^ssh:\/\/|\.git(#.*)?$/i.test(s);

/** Archives ADD extracts (identity, gzip, bzip2, xz, zstd compressed tar). */
export const isArchive = (s: string) => /\.(tar|tgz|tbz2?|txz|tzst)$|\.tar\.(gz|bz2|xz|zst)$/i.test(s);
