/**
 * Codes of assets, their review and revisions, and attachments. The one place this lib's error codes are written:
 * errors are made with these constants, and test/structure/error-codes.mjs fails on a code
 * written as a literal elsewhere or registered by two libs.
 */
export const KnowledgeErrorCode = {
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  ASSET_INCOMPLETE: 'ASSET_INCOMPLETE',
  SELF_REVIEW_FORBIDDEN: 'SELF_REVIEW_FORBIDDEN',
  REVISION_PENDING: 'REVISION_PENDING',
  REVISION_NOT_PENDING: 'REVISION_NOT_PENDING',
  REVISION_OUTDATED: 'REVISION_OUTDATED',
  UNSUPPORTED_FILE_TYPE: 'UNSUPPORTED_FILE_TYPE',
  FILE_EXTENSION_MISMATCH: 'FILE_EXTENSION_MISMATCH',
  FILE_INFECTED: 'FILE_INFECTED',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  TOO_MANY_FILES: 'TOO_MANY_FILES',
  UNEXPECTED_FIELD: 'UNEXPECTED_FIELD',
  UPLOAD_LIMIT: 'UPLOAD_LIMIT',
  MALFORMED_MULTIPART: 'MALFORMED_MULTIPART',
  MULTIPART_REQUIRED: 'MULTIPART_REQUIRED',
  UPLOADS_BUSY: 'UPLOADS_BUSY',
} as const;

export type KnowledgeErrorCode = (typeof KnowledgeErrorCode)[keyof typeof KnowledgeErrorCode];
