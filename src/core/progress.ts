import type { Progress } from './scanner.js';
import { formatBytes } from './size.js';

export interface ProgressDisplay extends Progress {
  stop(): void;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export const silentProgress: ProgressDisplay = { advance() {}, stop() {} };

/**
 * A one-line spinner on stderr for people at a terminal. The caller decides whether to use
 * it (TTY and not CI); machine runs get `silentProgress` and clean logs.
 */
export function terminalProgress(
  stream: NodeJS.WriteStream,
  totalFiles: number,
  totalBytes: number,
): ProgressDisplay {
  let files = 0;
  let bytes = 0;
  let tick = 0;
  const draw = () => {
    const pct = totalBytes > 0 ? Math.min(100, Math.floor((bytes / totalBytes) * 100)) : 100;
    stream.write(
      `\r\x1b[2K${SPINNER[tick++ % SPINNER.length]} scanning ${files}/${totalFiles} files, ${formatBytes(bytes)} of ${formatBytes(totalBytes)} (${pct}%)`,
    );
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    advance(f, b) {
      files += f;
      bytes += b;
    },
    stop() {
      clearInterval(timer);
      stream.write('\r\x1b[2K');
    },
  };
}

export function shouldShowProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.CI && env.TERM !== 'dumb';
}
