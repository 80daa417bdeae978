/**
 * What the in-page browser shows for a published port: the response of
 * `GET http://localhost:<port><path>` through the sandbox's host network (the
 * same path `curl localhost:<port>` takes), as HTML in a sandboxed frame, as
 * text, or the connection error curl would report.
 */
import type { HostNetwork, HttpResponse, NetFailure } from '../../api/net';

export type PagePreview =
  | { kind: 'html'; status: number; statusText: string; html: string }
  | { kind: 'text'; status: number; statusText: string; contentType: string; text: string }
  | { kind: 'error'; error: NetFailure['error'] };

function header(res: HttpResponse, name: string): string {
  const key = Object.keys(res.headers).find((k) => k.toLowerCase() === name);
  return key ? (res.headers[key] ?? '') : '';
}

export function toPreview(res: HttpResponse | NetFailure): PagePreview {
  if ('error' in res) return { kind: 'error', error: res.error };
  const contentType = header(res, 'content-type');
  const text = new TextDecoder().decode(res.body);
  const looksHtml = contentType ? /html/i.test(contentType) : /^\s*<(!doctype|html)/i.test(text);
  if (looksHtml) return { kind: 'html', status: res.status, statusText: res.statusText, html: text };
  return { kind: 'text', status: res.status, statusText: res.statusText, contentType, text };
}

/** a path typed in the address box: always starts with '/' */
export function normalizePath(path: string): string {
  const p = path.trim();
  if (!p) return '/';
  return p.startsWith('/') ? p : `/${p}`;
}

export async function fetchPage(net: HostNetwork, port: number, path: string, userAgent = 'Mozilla/5.0'): Promise<PagePreview> {
  const res = await net.http({
    method: 'GET',
    host: 'localhost',
    port,
    path: normalizePath(path),
    headers: { Host: port === 80 ? 'localhost' : `localhost:${port}`, 'User-Agent': userAgent, Accept: 'text/html,*/*' },
  });
  return toPreview(res);
}

/**
 * Where a link clicked in the preview leads: a path on the same port (the
 * preview follows it), or undefined for anything else (another site).
 */
export function linkTarget(href: string, port: number, currentPath: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, `http://localhost:${port}${normalizePath(currentPath)}`);
  } catch {
    return undefined;
  }
  const samePort = (url.port === '' ? 80 : Number(url.port)) === port;
  if (url.protocol !== 'http:' || !['localhost', '127.0.0.1'].includes(url.hostname) || !samePort) return undefined;
  return url.pathname + url.search;
}
