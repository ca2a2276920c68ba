import type { Report } from '../core/report.js';

export interface RenderOptions {
  /** ANSI colours; only the terminal table uses them, every other format ignores this. */
  color: boolean;
}

/** One output format: a pure function of the report, deterministic for a given report. */
export interface Format {
  name: string;
  description: string;
  /** The usual file extension, without the dot (`sarif`, `xml`): for default output names. */
  extension: string;
  render(report: Report, opts: RenderOptions): string;
}
