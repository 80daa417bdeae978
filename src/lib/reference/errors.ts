/** The error texts of distribution/reference and go-digest, word for word. */
export const REFERENCE_ERRORS = {
  invalidFormat: 'invalid reference format',
  tagInvalidFormat: 'invalid tag format',
  digestInvalidFormat: 'invalid digest format',
  nameContainsUppercase: 'invalid reference format: repository name must be lowercase',
  nameEmpty: 'repository name must have at least one component',
  nameTooLong: 'repository name must not be more than 255 characters',
  nameNotCanonical: 'repository name must be canonical',
  digestInvalidLength: 'invalid checksum digest length',
  digestUnsupported: 'unsupported digest algorithm',
  digestFormat: 'invalid checksum digest format',
} as const;

/** A reference that does not parse; `message` is what docker prints. */
export class InvalidReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReferenceError';
  }
}
