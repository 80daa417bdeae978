/**
 * The learner's small simulated Internet (src/api/net.ts `Internet`): a table
 * of sites, each a host name with a fixed address serving fixed files over
 * HTTP (80) and HTTPS (443), and git repositories for `git fetch`. Every name
 * not in the table stays unknown, so lookups fail as on an offline machine.
 * Files are made on first request (large ones lazily: a size plus a generator).
 */
import type { Content } from '../../api/fs';
import type { GitFetchResult, GitTreeEntry, HttpRequest, HttpResponse, Internet, NetFailure } from '../../api/net';
import { contentSize } from '../../lib/content';

export interface SiteFile {
  contentType: string;
  /** made on first request, then kept */
  content: () => Content;
}

export interface GitRepository {
  /** branch or tag name → the tree at that ref */
  refs: Record<string, () => GitTreeEntry[]>;
}

export interface Site {
  host: string;
  ip: string;
  /** other names of the same server (www.…) */
  aliases?: string[];
  /** absolute path → file */
  files?: Record<string, SiteFile>;
  /** repository path without ".git" ("/docker-library/hello-world") → repository */
  git?: Record<string, GitRepository>;
  /** the Server header */
  server?: string;
}

const enc = new TextEncoder();

/** the path part of a remote git URL and its host: https://h/p.git, git://h/p, git@h:p */
export function gitRemoteParts(remote: string): { host: string; path: string } | undefined {
  const scp = /^[^@/]+@([^:/]+):(.+)$/.exec(remote);
  const url = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/:?#]+)(?::\d+)?(\/[^?#]*)?/i.exec(remote);
  const m = scp ?? url;
  if (!m) return undefined;
  const path = `/${(m[2] ?? '').replace(/^\/+/, '')}`.replace(/\/+$/, '').replace(/\.git$/, '');
  return { host: (m[1] as string).toLowerCase(), path };
}

export class SimulatedInternet implements Internet {
  private readonly byName = new Map<string, Site>();
  private readonly byIp = new Map<string, Site>();
  private readonly made = new Map<string, Content>();

  constructor(sites: readonly Site[]) {
    for (const s of sites) {
      this.byName.set(s.host, s);
      for (const a of s.aliases ?? []) this.byName.set(a, s);
      this.byIp.set(s.ip, s);
    }
  }

  private site(host: string): Site | undefined {
    const q = host.toLowerCase().replace(/\.$/, '');
    return this.byName.get(q) ?? this.byIp.get(q);
  }

  resolve(host: string): string | undefined {
    return this.byName.get(host.toLowerCase().replace(/\.$/, ''))?.ip;
  }

  owns(ip: string): boolean {
    return this.byIp.has(ip);
  }

  async http(req: HttpRequest): Promise<HttpResponse | NetFailure> {
    const site = this.site(req.host);
    if (!site) return { error: 'unresolved' };
    if (req.port !== 80 && req.port !== 443) return { error: 'timeout' };
    const server = site.server ?? 'nginx';
    const path = req.path.split('?')[0] as string;
    const file = site.files && Object.hasOwn(site.files, path) ? site.files[path] : undefined;
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      const body = enc.encode(`<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`);
      return { status: 404, statusText: 'Not Found', headers: { Server: server, 'Content-Type': 'text/html', 'Content-Length': String(body.length) }, body: req.method === 'HEAD' ? new Uint8Array() : body };
    }
    const key = `${site.host}${path}`;
    let content = this.made.get(key);
    if (!content) {
      content = file.content();
      this.made.set(key, content);
    }
    const headers = { Server: server, 'Content-Type': file.contentType, 'Content-Length': String(contentSize(content)) };
    const empty = new Uint8Array();
    if (req.method === 'HEAD') return { status: 200, statusText: 'OK', headers, body: empty };
    return content instanceof Uint8Array ? { status: 200, statusText: 'OK', headers, body: content } : { status: 200, statusText: 'OK', headers, body: empty, content };
  }

  gitFetch(remote: string, ref: string): GitFetchResult {
    const parts = gitRemoteParts(remote);
    const site = parts ? this.site(parts.host) : undefined;
    if (!parts || !site) return { error: `fatal: unable to access '${remote}': Could not resolve host: ${parts?.host ?? remote}\n` };
    const repo = site.git && Object.hasOwn(site.git, parts.path) ? site.git[parts.path] : undefined;
    if (!repo) {
      // GitHub answers an unknown repository with a login prompt, which git cannot show without a terminal
      const origin = /^https?:\/\//.test(remote) ? remote.replace(/^(https?:\/\/[^/]+).*$/, '$1') : `https://${parts.host}`;
      return { error: `fatal: could not read Username for '${origin}': No such device or address\n` };
    }
    const tree = Object.hasOwn(repo.refs, ref) ? repo.refs[ref] : undefined;
    if (!tree) return { error: `fatal: couldn't find remote ref ${ref}\n` };
    return { tree: tree() };
  }
}
