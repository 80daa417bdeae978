/**
 * Parsed image references (distribution/reference): a repository name split in
 * domain and path, an optional tag and an optional digest. `parseNormalizedNamed`
 * is what docker uses for everything a user types ("ubuntu" →
 * docker.io/library/ubuntu); `familiar*` turn a normalized reference back into
 * the short form docker prints ("ubuntu:18.04", "username/ubuntu").
 */
import { InvalidReferenceError, REFERENCE_ERRORS as E } from './errors';
import {
  anchoredDigestRegexp,
  anchoredIdentifierRegexp,
  anchoredNameRegexp,
  anchoredTagRegexp,
  NAME_TOTAL_LENGTH_MAX,
  referenceRegexp,
} from './grammar';

export const DEFAULT_DOMAIN = 'docker.io';
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
export const OFFICIAL_REPO_PREFIX = 'library';
export const DEFAULT_TAG = 'latest';

export interface Reference {
  /** "docker.io", "127.0.0.1:5000", or "" when the input had none (only from parse()) */
  domain: string;
  /** "library/ubuntu", "username/ubuntu", "ubuntu" (private registry) */
  path: string;
  tag?: string;
  /** "sha256:…" */
  digest?: string;
}

/** domain/path */
export function refName(ref: Reference): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}

/** name[:tag][@digest] — the normalized string form */
export function refString(ref: Reference): string {
  let s = refName(ref);
  if (ref.tag) s += `:${ref.tag}`;
  if (ref.digest) s += `@${ref.digest}`;
  return s;
}

function fail(msg: string): never {
  throw new InvalidReferenceError(msg);
}

/** go-digest Parse/Validate */
export function validateDigest(d: string): void {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) fail(E.digestFormat);
  const alg = d.slice(0, i);
  const hex = d.slice(i + 1);
  const sizes: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
  const size = sizes[alg];
  if (size === undefined) fail(E.digestUnsupported);
  if (hex.length !== size) fail(E.digestInvalidLength);
  if (!/^[a-f0-9]+$/.test(hex)) fail(E.digestFormat);
}

/** reference.Parse: no normalization; throws InvalidReferenceError */
export function parseReference(s: string): Reference {
  const m = referenceRegexp.exec(s);
  if (!m) {
    if (s === '') fail(E.nameEmpty);
    if (referenceRegexp.test(s.toLowerCase())) fail(E.nameContainsUppercase);
    fail(E.invalidFormat);
  }
  const name = m[1];
  if (name.length > NAME_TOTAL_LENGTH_MAX) fail(E.nameTooLong);
  const nm = anchoredNameRegexp.exec(name);
  const ref: Reference = nm ? { domain: nm[1] ?? '', path: nm[2] } : { domain: '', path: name };
  if (m[2]) ref.tag = m[2];
  if (m[3]) {
    validateDigest(m[3]);
    ref.digest = m[3];
  }
  return ref;
}

function splitDockerDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  if (i === -1 || (!/[.:]/.test(name.slice(0, i)) && name.slice(0, i) !== 'localhost')) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = name.slice(0, i);
    remainder = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = `${OFFICIAL_REPO_PREFIX}/${remainder}`;
  return [domain, remainder];
}

/**
 * reference.ParseNormalizedNamed: "ubuntu" → docker.io/library/ubuntu,
 * "127.0.0.1:5000/ubuntu:latest" stays in its registry. Throws
 * InvalidReferenceError with docker's exact text.
 */
export function parseNormalizedNamed(s: string): Reference {
  if (anchoredIdentifierRegexp.test(s)) {
    fail(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const tagSep = remainder.indexOf(':');
  const remoteName = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
  if (remoteName.toLowerCase() !== remoteName) fail(E.nameContainsUppercase);
  return parseReference(`${domain}/${remainder}`);
}

/** reference.TagNameOnly: add ":latest" when there is neither tag nor digest */
export function withDefaultTag(ref: Reference): Reference {
  if (ref.tag || ref.digest) return ref;
  return { ...ref, tag: DEFAULT_TAG };
}

/** the name part only: docker.io/library/ubuntu → ubuntu, docker.io/user/x → user/x */
export function familiarName(ref: Reference): string {
  if (ref.domain === DEFAULT_DOMAIN) {
    const parts = ref.path.split('/');
    if (parts.length === 2 && parts[0] === OFFICIAL_REPO_PREFIX) return parts[1];
    return ref.path;
  }
  return refName(ref);
}

/** ubuntu:18.04, ubuntu@sha256:…, 127.0.0.1:5000/ubuntu:latest */
export function familiarString(ref: Reference): string {
  let s = familiarName(ref);
  if (ref.tag) s += `:${ref.tag}`;
  if (ref.digest) s += `@${ref.digest}`;
  return s;
}

/** reference.ParseNormalizedNamed(s) then familiar form — handy for display */
export function normalizeToFamiliar(s: string): string {
  return familiarString(parseNormalizedNamed(s));
}

/** normalized full name of a repository string: "ubuntu" → "docker.io/library/ubuntu" */
export function normalizedName(s: string): string {
  return refName(parseNormalizedNamed(s));
}

export function isValidTag(tag: string): boolean {
  return anchoredTagRegexp.test(tag);
}

export function isValidDigest(d: string): boolean {
  return anchoredDigestRegexp.test(d);
}

/** The registry host a reference talks to: "docker.io" → the Hub */
export function isDockerHub(ref: Reference): boolean {
  return ref.domain === DEFAULT_DOMAIN;
}
