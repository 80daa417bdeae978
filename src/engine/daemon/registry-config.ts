/**
 * The registry service's settings as dockerd builds them when it starts
 * (moby registry newServiceConfig: LoadMirrors, LoadInsecureRegistries), with
 * its texts: "invalid mirror: unsupported scheme \"\" in \"hub-mirror.c.163.com\"",
 * "insecure registry a b is not valid: invalid host \"a b\"", and the warning
 * for an insecure registry written with http://.
 */

export interface RegistrySettings {
  mirrors: string[];
  insecureCidrs: string[];
  insecureNames: string[];
  /** logrus warnings dockerd prints while loading them */
  warnings: string[];
}

/** Go's %q of a string (strconv.Quote), for the printable texts these messages hold */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

interface GoUrl {
  scheme: string;
  user?: string;
  host: string;
  path: string;
  query?: string;
  fragment?: string;
}

/** net/url.Parse, as far as a mirror address needs it; undefined when Go fails to parse */
function parseUrl(raw: string): GoUrl | undefined {
  let rest = raw;
  let fragment: string | undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let scheme = '';
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ':') {
      if (i === 0) return undefined; // missing protocol scheme
      scheme = rest.slice(0, i).toLowerCase();
      rest = rest.slice(i + 1);
    }
    break;
  }
  let query: string | undefined;
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('//')) {
    if (scheme === '' && rest.split('/')[0].includes(':')) return undefined; // first path segment in URL cannot contain colon
    return { scheme, host: '', path: rest, query, fragment };
  }
  rest = rest.slice(2);
  const slash = rest.indexOf('/');
  let authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash);
  let user: string | undefined;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    user = authority.slice(0, at);
    authority = authority.slice(at + 1);
  }
  if (/[\s<>"{}|\\^`]/.test(authority)) return undefined;
  return { scheme, user, host: authority, path, query, fragment };
}

/** registry.ValidateMirror: the normalized mirror ("https://x/") or dockerd's error */
export function validateMirror(val: string): { mirror: string } | { error: string } {
  const u = parseUrl(val);
  if (!u) return { error: `invalid mirror: ${goQuote(val)} is not a valid URI` };
  if (u.scheme !== 'http' && u.scheme !== 'https') return { error: `invalid mirror: unsupported scheme ${goQuote(u.scheme)} in ${goQuote(val)}` };
  if ((u.path !== '' && u.path !== '/') || u.query || u.fragment) {
    return { error: `invalid mirror: path, query, or fragment at end of the URI ${goQuote(val)}` };
  }
  if (u.user !== undefined) {
    const name = u.user.split(':')[0];
    return { error: `invalid mirror: username/password not allowed in URI ${goQuote(`${u.scheme}://${name}:xxxxx@${u.host}${u.path}`)}` };
  }
  return { mirror: `${val.replace(/\/$/, '')}/` };
}

const DOMAIN = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?$/;

/** net.SplitHostPort, or undefined when `s` has no port */
function splitHostPort(s: string): { host: string; port: string } | undefined {
  const v6 = /^\[([^\]]*)\]:([^:]*)$/.exec(s);
  if (v6) return { host: v6[1], port: v6[2] };
  const i = s.lastIndexOf(':');
  if (i < 0 || s.indexOf(':') !== i) return undefined;
  return { host: s.slice(0, i), port: s.slice(i + 1) };
}

function isIp(s: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return s.split('.').every((p) => Number(p) <= 255);
  return s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s);
}

/** validateHostPort */
function hostPortError(s: string): string | undefined {
  const hp = splitHostPort(s);
  const host = hp ? hp.host : s;
  const port = hp ? hp.port : '';
  if (!DOMAIN.test(s) && !isIp(host)) return `invalid host ${goQuote(host)}`;
  if (port !== '') {
    if (!/^[+-]?\d+$/.test(port)) return `strconv.Atoi: parsing ${goQuote(port)}: invalid syntax`;
    const v = Number(port);
    if (v < 0 || v > 65535) return `invalid port ${goQuote(port)}`;
  }
  return undefined;
}

/** net.ParseCIDR's network in canonical form, undefined when `s` is no IPv4 CIDR */
function cidrOf(s: string): string | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const parts = m[1].split('.').map(Number);
  const prefix = Number(m[2]);
  if (parts.some((p) => p > 255) || prefix > 32) return undefined;
  const ip = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const base = (ip & mask) >>> 0;
  return `${[base >>> 24, (base >>> 16) & 255, (base >>> 8) & 255, base & 255].join('.')}/${prefix}`;
}

/** newServiceConfig for the mirrors and insecure registries of the configuration */
export function loadRegistrySettings(mirrors: readonly string[], insecure: readonly string[]): RegistrySettings | { error: string } {
  const out: RegistrySettings = { mirrors: [], insecureCidrs: [], insecureNames: [], warnings: [] };
  for (const m of mirrors) {
    const r = validateMirror(m);
    if ('error' in r) return r;
    if (!out.mirrors.includes(r.mirror)) out.mirrors.push(r.mirror);
  }
  for (let r of [...insecure, '127.0.0.0/8']) {
    if (r.startsWith('-') || r.endsWith('-')) return { error: `invalid index name (${r}). Cannot begin or end with a hyphen` };
    const low = r.toLowerCase();
    if (low.startsWith('http://')) {
      out.warnings.push(`insecure registry ${r} should not contain 'http://' and 'http://' has been removed from the insecure registry config`);
      r = r.slice(7);
    } else if (low.startsWith('https://')) {
      out.warnings.push(`insecure registry ${r} should not contain 'https://' and 'https://' has been removed from the insecure registry config`);
      r = r.slice(8);
    } else if (r.includes('://')) {
      return { error: `insecure registry ${r} should not contain '://'` };
    }
    const cidr = cidrOf(r);
    if (cidr !== undefined) {
      if (!out.insecureCidrs.includes(cidr)) out.insecureCidrs.push(cidr);
      continue;
    }
    const bad = hostPortError(r);
    if (bad) return { error: `insecure registry ${r} is not valid: ${bad}` };
    if (!out.insecureNames.includes(r)) out.insecureNames.push(r);
  }
  return out;
}
