/**
 * The distribution (registry v2) HTTP API served by a `registry` container,
 * storing everything in the container's filesystem in distribution's own
 * layout (storage.ts), so a bind-mounted /var/lib/registry shows
 * docker/registry/v2/repositories/<name>.
 */
import type { FileSystem } from '../../../api/fs';
import { textDecoder, textEncoder } from '../../../api/fs';
import type { HttpHandler, HttpRequest, HttpResponse } from '../../../api/net';
import { sha256Digest } from '../../layers/digest';
import { RegistryStorage } from './storage';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

const MANIFEST_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';

function respond(status: number, body: string | Uint8Array, headers: Record<string, string> = {}): HttpResponse {
  const bytes = typeof body === 'string' ? textEncoder.encode(body) : body;
  return {
    status,
    statusText: STATUS_TEXT[status] ?? '',
    headers: {
      'Docker-Distribution-Api-Version': 'registry/2.0',
      'Content-Length': String(bytes.length),
      ...headers,
    },
    body: bytes,
  };
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): HttpResponse {
  return respond(status, `${JSON.stringify(value)}\n`, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

function error(status: number, code: string, message: string, detail: unknown): HttpResponse {
  return json(status, { errors: [{ code, message, detail }] });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** the query string as a map (the engine has no URLSearchParams) */
function queryParams(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of query.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const k = decodeURIComponent(i < 0 ? part : part.slice(0, i));
    out.set(k, i < 0 ? '' : decodeURIComponent(part.slice(i + 1)));
  }
  return out;
}

export function createDistributionHandler(fs: FileSystem, root: string): HttpHandler {
  const storage = new RegistryStorage(fs, root);
  const uploads = new Map<string, Uint8Array>();
  let uploadSeq = 0;

  return async (req: HttpRequest): Promise<HttpResponse> => {
    const [pathPart, query = ''] = req.path.split('?');
    const params = queryParams(query);
    const method = req.method.toUpperCase();
    const head = method === 'HEAD';
    const strip = (r: HttpResponse): HttpResponse => (head ? { ...r, body: new Uint8Array() } : r);

    if (pathPart === '/v2' || pathPart === '/v2/') return strip(json(200, {}));
    if (pathPart === '/v2/_catalog') return strip(json(200, { repositories: storage.repositories() }));

    const m = /^\/v2\/(.+?)\/(tags\/list|manifests\/([^/]+)|blobs\/uploads\/?([^/]*)|blobs\/([^/]+))$/.exec(pathPart);
    if (!m) return strip(respond(404, '404 page not found\n', { 'Content-Type': 'text/plain; charset=utf-8' }));
    const name = m[1];

    if (m[2] === 'tags/list') {
      const tags = storage.tags(name);
      if (!tags) return strip(error(404, 'NAME_UNKNOWN', 'repository name not known to registry', { name }));
      return strip(json(200, { name, tags }));
    }

    if (m[3] !== undefined) {
      const ref = decodeURIComponent(m[3]);
      if (method === 'PUT') {
        const body = req.body ?? new Uint8Array();
        const digest = sha256Digest(body);
        storage.putManifest(name, ref.startsWith('sha256:') ? undefined : ref, digest, textDecoder.decode(body));
        return respond(201, '', { 'Docker-Content-Digest': digest, Location: `/v2/${name}/manifests/${digest}` });
      }
      const digest = storage.resolveManifest(name, ref);
      const data = digest ? storage.readBlob(digest) : undefined;
      if (!digest || !data) {
        const detail = ref.startsWith('sha256:') ? { Digest: ref } : { Tag: ref };
        return strip(error(404, 'MANIFEST_UNKNOWN', 'manifest unknown', detail));
      }
      return strip(respond(200, data, { 'Content-Type': MANIFEST_TYPE, 'Docker-Content-Digest': digest }));
    }

    if (m[4] !== undefined || pathPart.endsWith('/blobs/uploads/')) {
      const id = m[4] ?? '';
      if (method === 'POST') {
        const mount = params.get('mount');
        const from = params.get('from');
        if (mount && from && storage.repoHasBlob(from, mount)) {
          storage.linkBlob(name, mount);
          return respond(201, '', { 'Docker-Content-Digest': mount, Location: `/v2/${name}/blobs/${mount}` });
        }
        uploadSeq++;
        const uuid = `${uploadSeq.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
        uploads.set(uuid, new Uint8Array());
        return respond(202, '', { Location: `/v2/${name}/blobs/uploads/${uuid}`, 'Docker-Upload-UUID': uuid, Range: '0-0' });
      }
      const cur = uploads.get(id);
      if (!cur) return error(404, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry', {});
      const data = req.body ? concat(cur, req.body) : cur;
      if (method === 'PATCH') {
        uploads.set(id, data);
        return respond(202, '', { Location: `/v2/${name}/blobs/uploads/${id}`, Range: `0-${Math.max(0, data.length - 1)}` });
      }
      if (method === 'PUT') {
        const digest = params.get('digest');
        if (!digest) return error(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content', {});
        uploads.delete(id);
        storage.writeBlob(digest, data);
        storage.linkBlob(name, digest);
        return respond(201, '', { 'Docker-Content-Digest': digest, Location: `/v2/${name}/blobs/${digest}` });
      }
      return error(405, 'UNSUPPORTED', 'The operation is unsupported.', {});
    }

    const digest = decodeURIComponent(m[5] ?? '');
    if (!storage.repoHasBlob(name, digest)) return strip(error(404, 'BLOB_UNKNOWN', 'blob unknown to registry', { digest }));
    const data = storage.readBlob(digest)!;
    return strip(respond(200, data, { 'Content-Type': 'application/octet-stream', 'Docker-Content-Digest': digest }));
  };
}
