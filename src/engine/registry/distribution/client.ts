/**
 * The daemon's registry client for a private registry (`127.0.0.1:5000/…`):
 * distribution's HTTP API v2 over the simulated network. No authentication
 * (the tutorial's registry has none). A registry the daemon counts as insecure
 * (loopback addresses by default, then `insecure-registries`) is spoken to in
 * plain HTTP; any other one in HTTPS, which the simulated registries, plain
 * HTTP servers, answer as Go's client reports: "http: server gave HTTP response
 * to HTTPS client".
 */
import { textDecoder, textEncoder } from '../../../api/fs';
import type { HttpRequest, HttpResponse, NetFailure } from '../../../api/net';
import { type FetchedManifest, type LayerPayload, RegistryError, type RemoteRepository } from '../remote';
import { decodeLayer, encodeLayer } from './layer-codec';

export type Transport = (req: HttpRequest) => Promise<HttpResponse | NetFailure>;

const MANIFEST_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';

function isFailure(r: HttpResponse | NetFailure): r is NetFailure {
  return 'error' in r;
}

export function splitHostPort(domain: string): { host: string; port: number } {
  const i = domain.lastIndexOf(':');
  if (i > 0 && /^\d+$/.test(domain.slice(i + 1))) return { host: domain.slice(0, i), port: Number(domain.slice(i + 1)) };
  return { host: domain, port: 443 };
}

export function registryScheme(secure: boolean): 'http' | 'https' {
  return secure ? 'https' : 'http';
}

/** Go's net/http error text for a failed connection */
export function dialError(domain: string, path: string, f: NetFailure, secure: boolean): string {
  const { host, port } = splitHostPort(domain);
  const url = `${registryScheme(secure)}://${domain}${path}`;
  switch (f.error) {
    case 'refused':
      return `Get "${url}": dial tcp ${host === 'localhost' ? '127.0.0.1' : host}:${port}: connect: connection refused`;
    case 'unresolved':
      return `Get "${url}": dial tcp: lookup ${host}: no such host`;
    case 'timeout':
      return `Get "${url}": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)`;
  }
}

export class DistributionRepository implements RemoteRepository {
  readonly canRead = true;
  readonly canWrite = true;
  private readonly host: string;
  private readonly port: number;

  constructor(
    private readonly transport: Transport,
    private readonly domain: string,
    readonly path: string,
    /** HTTPS (true) or plain HTTP */
    private readonly secure: boolean,
  ) {
    const hp = splitHostPort(domain);
    this.host = hp.host;
    this.port = hp.port;
  }

  private async request(
    method: string,
    path: string,
    body?: Uint8Array,
    headers: Record<string, string> = {},
  ): Promise<HttpResponse> {
    const r = await this.transport({ method, host: this.host, port: this.port, path, headers, body });
    if (isFailure(r)) throw new RegistryError('unreachable', dialError(this.domain, path, r, this.secure));
    if (this.secure) {
      throw new RegistryError('unreachable', `Get "https://${this.domain}${path}": http: server gave HTTP response to HTTPS client`);
    }
    return r;
  }

  /** GET /v2/: the reachability check every pull/push/login starts with */
  async ping(): Promise<void> {
    await this.request('GET', '/v2/');
  }

  async getManifest(tagOrDigest: string): Promise<FetchedManifest | undefined> {
    const r = await this.request('GET', `/v2/${this.path}/manifests/${tagOrDigest}`, undefined, { Accept: MANIFEST_TYPE });
    if (r.status === 404) return undefined;
    if (r.status !== 200) throw new RegistryError('other', `unexpected status code ${r.status}`);
    const json = textDecoder.decode(r.body);
    return { json, digest: r.headers['Docker-Content-Digest'] ?? '' };
  }

  private async blob(digest: string): Promise<Uint8Array> {
    const r = await this.request('GET', `/v2/${this.path}/blobs/${digest}`);
    if (r.status !== 200) throw new RegistryError('blob-unknown', 'blob unknown to registry');
    return r.body;
  }

  async getConfig(digest: string): Promise<string> {
    return textDecoder.decode(await this.blob(digest));
  }

  async getLayer(digest: string): Promise<LayerPayload> {
    const layer = decodeLayer(await this.blob(digest));
    if (!layer) throw new RegistryError('other', `failed to register layer: invalid layer blob ${digest}`);
    return layer;
  }

  async hasBlob(digest: string): Promise<boolean> {
    const r = await this.request('HEAD', `/v2/${this.path}/blobs/${digest}`);
    return r.status === 200;
  }

  private async upload(digest: string, data: Uint8Array): Promise<void> {
    const start = await this.request('POST', `/v2/${this.path}/blobs/uploads/`);
    const location = start.headers.Location ?? '';
    if (start.status !== 202 || !location) throw new RegistryError('other', `unexpected status code ${start.status}`);
    const put = await this.request('PUT', `${location}?digest=${digest}`, data);
    if (put.status !== 201) throw new RegistryError('other', `unexpected status code ${put.status}`);
  }

  async putConfig(digest: string, json: string): Promise<void> {
    await this.upload(digest, textEncoder.encode(json));
  }

  async putLayer(digest: string, _compressedSize: number, layer: LayerPayload): Promise<void> {
    await this.upload(digest, encodeLayer(layer));
  }

  async putManifest(tag: string, json: string): Promise<string> {
    const r = await this.request('PUT', `/v2/${this.path}/manifests/${tag}`, textEncoder.encode(json), {
      'Content-Type': MANIFEST_TYPE,
    });
    if (r.status !== 201) throw new RegistryError('other', `unexpected status code ${r.status}`);
    return r.headers['Docker-Content-Digest'] ?? '';
  }
}
