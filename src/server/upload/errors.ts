/**
 * `bad_request`: the bytes are not JSON we can parse (empty, truncated, compressed, too deep).
 * `unsupported_format`: valid JSON (or XML, tag-value…) that is none of the formats we read.
 * `invalid_report`: one of our formats, but a part we read has the wrong shape.
 */
export type UploadErrorCode = 'bad_request' | 'unsupported_format' | 'invalid_report';

/** An upload that cannot be read; the message names what is wrong and where, for the uploader. */
export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UploadError';
  }
}
