export {
  CookieDecryptionError,
  type CookieDecryptionErrorOptions,
  type CookieDecryptionReason,
} from "./cookie-decryption-error.js";
export {
  CookieError,
  type CookieErrorCode,
  type CookieErrorJSON,
  type CookieErrorOptions,
} from "./cookie-error.js";
export { CookieFileFormatError, type CookieFileFormatErrorOptions } from "./cookie-file-format-error.js";
export {
  CookieStoreReadError,
  type CookieStoreReadErrorOptions,
  type CookieStoreReadReason,
} from "./cookie-store-read-error.js";
export { InvalidDomainError, type InvalidDomainErrorOptions } from "./invalid-domain-error.js";
export {
  MissingRequirementsError,
  type MissingRequirementsErrorOptions,
} from "./missing-requirements-error.js";
export {
  UnsupportedCookieEncryptionError,
  type UnsupportedCookieEncryptionErrorOptions,
} from "./unsupported-cookie-encryption-error.js";
