/** curl [-sSfIiLv] [-o FILE|-O] [-X METHOD] [-d DATA] [-H 'K: V'] URL — over the simulated network (texts of curl 7.88) */
import { type Content, textEncoder } from '../../api/fs';
import { writeContentTo } from '../../api/io';
import { type HttpRequest, type HttpResponse, type NetFailure, responseBody } from '../../api/net';
import type { Program, ProgramContext } from '../interpreter/types';
import { abs, errText } from './util';

interface CurlOpts {
  silent: boolean;
  showError: boolean;
  fail: boolean;
  head: boolean;
  include: boolean;
  verbose: boolean;
  output?: string;
  remoteName: boolean;
  method?: string;
  data?: string;
  headers: string[];
  urls: string[];
}

const WITH_VALUE: Record<string, keyof CurlOpts> = { o: 'output', X: 'method', d: 'data', H: 'headers' };
const LONG: Record<string, string> = {
  silent: 's',
  'show-error': 'S',
  fail: 'f',
  head: 'I',
  include: 'i',
  verbose: 'v',
  output: 'o',
  'remote-name': 'O',
  request: 'X',
  data: 'd',
  'data-raw': 'd',
  header: 'H',
  location: 'L',
};

function parse(args: string[]): CurlOpts | string {
  const o: CurlOpts = { silent: false, showError: false, fail: false, head: false, include: false, verbose: false, remoteName: false, headers: [], urls: [] };
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    if (a.startsWith('--')) {
      const short = Object.hasOwn(LONG, a.slice(2)) ? LONG[a.slice(2)] : undefined;
      if (!short) return `option ${a}: is unknown`;
      a = `-${short}`;
    }
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      const key = Object.hasOwn(WITH_VALUE, c) ? WITH_VALUE[c] : undefined;
      if (key) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return `option -${c}: requires parameter`;
        if (key === 'headers') o.headers.push(v);
        else if (key === 'data') o.data = o.data === undefined ? v : `${o.data}&${v}`;
        else (o as unknown as Record<string, string>)[key] = v;
        break;
      }
      switch (c) {
        case 's':
          o.silent = true;
          break;
        case 'S':
          o.showError = true;
          break;
        case 'f':
          o.fail = true;
          break;
        case 'I':
          o.head = true;
          break;
        case 'i':
          o.include = true;
          break;
        case 'v':
          o.verbose = true;
          break;
        case 'O':
          o.remoteName = true;
          break;
        case 'L':
          break;
        default:
          return `option -${c}: is unknown`;
      }
    }
  }
  return o;
}

export function parseUrl(url: string): { host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d*))?([/?][^#]*)?$/i.exec(url);
  if (!m) return undefined;
  const port = m[3] ? Number(m[3]) : m[1]?.toLowerCase() === 'https' ? 443 : 80;
  if (port > 65535) return undefined;
  let path = m[4] ?? '/';
  if (path.startsWith('?')) path = `/${path}`;
  return { host: m[2], port, path };
}

function statusLine(r: HttpResponse): string {
  return `HTTP/1.1 ${r.status} ${r.statusText}\r\n`;
}

function headerBlock(r: HttpResponse): string {
  return statusLine(r) + Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
}

function failureText(f: NetFailure, host: string, port: number): { code: number; text: string } {
  if (f.error === 'unresolved') return { code: 6, text: `Could not resolve host: ${host}` };
  if (f.error === 'timeout') return { code: 28, text: `Failed to connect to ${host} port ${port} after 130000 ms: Couldn't connect to server` };
  return { code: 7, text: `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server` };
}

async function send(ctx: ProgramContext, req: HttpRequest): Promise<HttpResponse | NetFailure> {
  if (ctx.net?.container) return ctx.net.container.http(req);
  if (ctx.net?.host) return ctx.net.host.http(req);
  return { error: 'unresolved' };
}

export const curl: Program = async (ctx) => {
  const o = parse(ctx.argv.slice(1));
  const err = (code: number, text: string, force = false) => {
    if (force || !(typeof o !== 'string' && o.silent) || (typeof o !== 'string' && o.showError)) ctx.io.stderr.write(`curl: (${code}) ${text}\n`);
    return code;
  };
  if (typeof o === 'string') {
    ctx.io.stderr.write(`curl: ${o}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  if (o.urls.length === 0) {
    ctx.io.stderr.write("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  let status = 0;
  for (const url of o.urls) {
    const u = parseUrl(url);
    if (!u) {
      status = err(3, 'URL using bad/illegal format or missing URL');
      continue;
    }
    const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
    const headers: Record<string, string> = { Host: u.port === 80 ? u.host : `${u.host}:${u.port}`, 'User-Agent': 'curl/7.88.1', Accept: '*/*' };
    for (const h of o.headers) {
      const i = h.indexOf(':');
      if (i > 0) headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
    }
    if (o.data !== undefined) {
      headers['Content-Length'] = String(textEncoder.encode(o.data).length);
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    }
    const req: HttpRequest = { method, host: u.host, port: u.port, path: u.path, headers, body: o.data !== undefined ? textEncoder.encode(o.data) : undefined };
    if (o.verbose) ctx.io.stderr.write(`> ${method} ${u.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `> ${k}: ${v}\r\n`).join('')}> \r\n`);
    const res = await send(ctx, req);
    if ('error' in res) {
      const f = failureText(res, u.host, u.port);
      status = err(f.code, f.text);
      continue;
    }
    if (o.verbose) ctx.io.stderr.write(headerBlock(res).split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join(''));
    if (o.fail && res.status >= 400) {
      status = err(22, `The requested URL returned error: ${res.status}`);
      continue;
    }
    const parts: (string | Content)[] = [];
    if (o.head || o.include) parts.push(headerBlock(res));
    if (!o.head) parts.push(responseBody(res));
    const target = o.output ?? (o.remoteName ? u.path.split('/').pop() || 'index.html' : undefined);
    if (target !== undefined && target !== '-') {
      try {
        const p = abs(ctx, target);
        ctx.fs.writeFile(p, new Uint8Array(0));
        for (const x of parts) ctx.fs.appendFile(p, x);
      } catch (e) {
        status = err(23, `Failure writing output to destination, passed ${parts.length} returned 0 (${errText(e)})`);
      }
    } else for (const x of parts) await writeContentTo(ctx.io.stdout, typeof x === 'string' ? textEncoder.encode(x) : x);
  }
  return status;
};
