export { UploadError, type UploadErrorCode } from './errors.js';
export { type ReadUploadOptions, readUpload, uploadDigest } from './read.js';
