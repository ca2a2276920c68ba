export { UploadError, type UploadErrorCode } from './errors.js';
export { type ReadUploadOptions, readUpload } from './read.js';
