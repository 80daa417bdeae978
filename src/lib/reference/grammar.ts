/**
 * The image reference grammar of distribution/reference (docker/distribution
 * reference/regexp.go), as regular expressions:
 *
 *   reference  := name [ ":" tag ] [ "@" digest ]
 *   name       := [domain '/'] path-component ['/' path-component]*
 *   domain     := domain-component ['.' domain-component]* [':' port-number]
 *   tag        := /[\w][\w.-]{0,127}/
 *   digest     := algorithm ":" hex (32+ hex digits)
 */
const alphaNumeric = '[a-z0-9]+';
/*
 * distribution's separator is `(?:[._]|__|[-]*)`: it may be empty, and then
 * `alnum+ (sep alnum+)*` is a nested quantifier that Go's linear RE2 takes in
 * its stride but a backtracking engine tries 2^n ways on a name that does not
 * match (a long name with a tag over 128 characters froze the page). An empty
 * separator only joins two alphanumeric runs, so `-+` matches the same names.
 */
const separator = '(?:[._]|__|-+)';
const nameComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const domainComponent = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const domain = `${domainComponent}(?:\\.${domainComponent})*(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const name = `(?:${domain}/)?${nameComponent}(?:/${nameComponent})*`;

/** the whole reference: groups 1 = name, 2 = tag, 3 = digest */
export const referenceRegexp = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
/** a name split in (domain, path) when it starts with a domain */
export const anchoredNameRegexp = new RegExp(`^(?:(${domain})/)?(${nameComponent}(?:/${nameComponent})*)$`);
export const anchoredTagRegexp = new RegExp(`^${tag}$`);
export const anchoredDigestRegexp = new RegExp(`^${digest}$`);
/** a full 64-hex image id */
export const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;
/** a prefix of an image id (docker accepts short ids) */
export const shortIdentifierRegexp = /^[a-f0-9]{1,64}$/;

export const NAME_TOTAL_LENGTH_MAX = 255;
