/** Simulated HTTP between the host, published ports and containers. */
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
}
