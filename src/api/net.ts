/** Simulated HTTP between the host, published ports and containers. */
import type { Content } from './fs';

export interface HttpRequest {
  method: string;
  /** host as typed: "localhost", "127.0.0.1", "172.17.0.2", a container name */
  host: string;
  port: number;
  /** path with query, e.g. "/v2/_catalog" */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** the client address the server sees (nginx's $remote_addr): the bridge gateway for the host, the caller's IP for a container */
  remoteAddr?: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Uint8Array;
  /** a large body as it is kept (a lazy download from the simulated Internet); `body` is then empty: read it with responseBody */
  content?: Content;
}

/** the body of a response, lazy when the server kept it lazy */
export function responseBody(res: HttpResponse): Content {
  return res.content ?? res.body;
}

export type HttpHandler = (req: HttpRequest) => Promise<HttpResponse>;

/** Why a connection failed, in the words curl/wget/ping print. */
export type NetFailure =
  | { error: 'refused' } // "Failed to connect to localhost port 80: Connection refused"
  | { error: 'unresolved' } // "Could not resolve host: x"
  | { error: 'timeout' };

/** What the host shell (curl on the learner's machine) can reach: published ports and container IPs. */
export interface HostNetwork {
  http(req: HttpRequest): Promise<HttpResponse | NetFailure>;
  /** the address of a name the host's resolver knows (the simulated Internet's hosts); undefined: none */
  resolve?(host: string): string | undefined;
}

/** One entry of a git tree, as `git checkout` writes it into the work tree. */
export interface GitTreeEntry {
  /** relative to the repository's root, e.g. "amd64/hello-world/Dockerfile" */
  path: string;
  type: 'file' | 'dir' | 'symlink';
  /** permission bits (git keeps 0o644 or 0o755 for files) */
  mode: number;
  data?: Content;
  target?: string;
}

/** What `git fetch origin REF` gets: the ref's tree, or git's own failure text (stderr, exit status 128). */
export type GitFetchResult = { tree: GitTreeEntry[] } | { error: string };

/**
 * The simulated Internet as a client sees it (the learner's app; absent: an
 * offline machine, whose lookups fail as before). Hosts resolve to fixed
 * addresses and serve fixed files; git hosts serve repositories.
 */
export interface Internet {
  /** the address of a host name of the simulated Internet, or undefined */
  resolve(host: string): string | undefined;
  /** is this address one of the simulated Internet's */
  owns(ip: string): boolean;
  http(req: HttpRequest): Promise<HttpResponse | NetFailure>;
  /** `git fetch` of `ref` from `remote` (an https:// or git:// URL, or git@host:path) */
  gitFetch(remote: string, ref: string): GitFetchResult;
}
