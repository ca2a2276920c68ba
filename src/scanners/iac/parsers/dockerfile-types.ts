import type { Unknown } from '../model.js';

/**
 * The value of a Dockerfile build stage resource (type `dockerfile`). Declared as type aliases
 * (not interfaces) so they are plain `IacObject`s; absent parts are `null`, never undefined.
 */

/** A here-document attached to RUN, COPY or ADD (`RUN <<EOF … EOF`). */
export type DockerHeredoc = {
  name: string;
  body: string;
  /** False when the delimiter was quoted (`<<"EOF"`): no variable expansion in the body. */
  expand: boolean;
  /** Line of the first body line. */
  line: number;
};

/** One `key=value` of ENV, ARG or LABEL; `null` is an ARG without a default. */
export type DockerPair = { key: string; value: string | null | Unknown };

/** A `RUN --mount=` option list (`type=cache,target=/root/.cache`); `type` defaults to `bind`. */
export type DockerMount = { [option: string]: string };

export type DockerInstruction = {
  /** The instruction keyword, upper case: `RUN`, `COPY`, … */
  cmd: string;
  /** The source text after the keyword: continuation lines joined, comment lines dropped. */
  raw: string;
  /**
   * The arguments after the flags. For instructions Docker expands (ADD, COPY, ENV, EXPOSE,
   * LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR) variables are replaced where known; an unknown
   * variable stays as written and is listed in `unresolved`. RUN, CMD and ENTRYPOINT are left
   * as written: their shell expands them at run time.
   */
  args: string;
  /** The expanded words, quotes removed (ADD, COPY, EXPOSE, USER, VOLUME, WORKDIR, …); [] for commands. */
  words: string[];
  form: 'exec' | 'shell';
  /** The JSON array of the exec form, else null. */
  exec: string[] | null;
  /** `--name=value` flags by name, in order; a bare `--link` is `'true'`. */
  flags: { [name: string]: string[] };
  mounts: DockerMount[];
  heredocs: DockerHeredoc[];
  pairs: DockerPair[];
  /** Variables the builder would expand here whose value is not known statically. */
  unresolved: string[];
  line: number;
  endLine: number;
};

export type DockerFrom = {
  image: string | Unknown;
  tag: string | null | Unknown;
  digest: string | null | Unknown;
  platform: string | null | Unknown;
  /** The FROM arguments as written. */
  raw: string;
  /** The earlier build stage this one starts from (`FROM builder`), else null. */
  stage: string | null;
};

export type DockerStage = {
  index: number;
  /** The `AS` name, lower-cased as Docker does; null when unnamed. */
  name: string | null;
  from: DockerFrom;
  instructions: DockerInstruction[];
  /** ARGs declared before the first FROM; only the first stage carries them. */
  globalArgs: DockerInstruction[];
  /** The last stage: the one `docker build` produces by default. */
  final: boolean;
};
