/**
 * wget over the simulated network: busybox's applet (`Connecting to web2
 * (172.18.0.3:80)`, `saving to 'index.html'`, the progress line, `'index.html'
 * saved`) and GNU wget 1.21 (installed by apt-get: `--2026-…--  URL`,
 * `Resolving …`, `Saving to: ‘index.html’`).
 */
import type { Content } from '../../api/fs';
import { writeContentTo } from '../../api/io';
import { type HttpRequest, type HttpResponse, type NetFailure, responseBody } from '../../api/net';
import { contentSize } from '../../lib/content';
import type { Program, ProgramContext } from '../interpreter/types';
import { parseUrl } from './curl';
import { strftime } from './misc';
import { abs, errText } from './util';

interface WgetOpts {
  quiet: boolean;
  output?: string;
  headers: string[];
  postData?: string;
  spider: boolean;
  serverResponse: boolean;
  dir?: string;
  agent?: string;
  urls: string[];
}

function parse(args: string[]): WgetOpts | string {
  const o: WgetOpts = { quiet: false, headers: [], spider: false, serverResponse: false, urls: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const long = /^--([a-z-]+)(?:=(.*))?$/s.exec(a);
    if (long) {
      const [, name, inline] = long;
      const val = () => inline ?? args[++i];
      if (name === 'quiet') o.quiet = true;
      else if (name === 'output-document') o.output = val();
      else if (name === 'header') o.headers.push(val() ?? '');
      else if (name === 'post-data') o.postData = val();
      else if (name === 'spider') o.spider = true;
      else if (name === 'server-response') o.serverResponse = true;
      else if (name === 'directory-prefix') o.dir = val();
      else if (name === 'user-agent') o.agent = val();
      else if (name !== 'no-check-certificate' && name !== 'no-verbose') return a;
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      o.urls.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if ('OPUTY'.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return a;
        if (c === 'O') o.output = v;
        else if (c === 'P') o.dir = v;
        else if (c === 'U') o.agent = v;
        break;
      }
      if (c === 'q') o.quiet = true;
      else if (c === 'S') o.serverResponse = true;
      else if (c !== 'c' && c !== 'n' && c !== 'v') return a;
    }
  }
  return o;
}

function send(ctx: ProgramContext, req: HttpRequest): Promise<HttpResponse | NetFailure> {
  if (ctx.net?.container) return ctx.net.container.http(req);
  if (ctx.net?.host) return ctx.net.host.http(req);
  return Promise.resolve({ error: 'unresolved' });
}

function resolveIp(ctx: ProgramContext, host: string): string | undefined {
  if (ctx.net?.container) return ctx.net.container.resolve(host);
  if (/^(localhost|127\.|\d+\.\d+\.\d+\.\d+$)/.test(host)) return host === 'localhost' ? '127.0.0.1' : host;
  return ctx.net?.host?.resolve?.(host);
}

/** busybox's progress line: name, percent, 32-wide bar, size, ETA */
function progressLine(name: string, size: number): string {
  const shown = size < 100000 ? String(size) : size < 100000 * 1024 ? `${Math.floor(size / 1024)}k` : `${Math.floor(size / 1048576)}M`;
  return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${shown.padStart(5)}  0:00:00 ETA\n`;
}

function targetName(o: WgetOpts, path: string): string {
  if (o.output !== undefined) return o.output;
  const base = path.split('?')[0].split('/').pop() || 'index.html';
  return o.dir ? `${o.dir.replace(/\/$/, '')}/${base}` : base;
}

function request(o: WgetOpts, u: { host: string; port: number; path: string }, agent: string): HttpRequest {
  const headers: Record<string, string> = { Host: u.port === 80 ? u.host : `${u.host}:${u.port}`, 'User-Agent': o.agent ?? agent, Accept: '*/*' };
  for (const h of o.headers) {
    const i = h.indexOf(':');
    if (i > 0) headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  const body = o.postData !== undefined ? new TextEncoder().encode(o.postData) : undefined;
  return { method: o.spider ? 'HEAD' : body ? 'POST' : 'GET', host: u.host, port: u.port, path: u.path, headers, body };
}

async function write(ctx: ProgramContext, target: string, body: Content): Promise<string | undefined> {
  if (target === '-') {
    await writeContentTo(ctx.io.stdout, body);
    return undefined;
  }
  try {
    ctx.fs.writeFile(abs(ctx, target), body);
    return undefined;
  } catch (e) {
    return errText(e);
  }
}

export const wgetBusybox: Program = async (ctx) => {
  const o = parse(ctx.argv.slice(1));
  const err = (s: string) => ctx.io.stderr.write(s);
  if (typeof o === 'string' || o.urls.length === 0) {
    err('BusyBox v1.36.1 (Debian 1:1.36.1-9) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n');
    return 1;
  }
  for (const url of o.urls) {
    const u = parseUrl(url);
    if (!u || /^https:/i.test(url)) {
      err(u ? 'wget: not an http or ftp url: ' + url + '\n' : `wget: bad address '${url}'\n`);
      return 1;
    }
    const ip = resolveIp(ctx, u.host);
    if (!ip) {
      err(`wget: bad address '${u.host}'\n`);
      return 1;
    }
    if (!o.quiet) err(`Connecting to ${u.host}${u.port === 80 ? '' : `:${u.port}`} (${ip}:${u.port})\n`);
    const res = await send(ctx, request(o, u, 'Wget'));
    if ('error' in res) {
      err(res.error === 'timeout' ? `wget: can't connect to remote host (${ip}): Connection timed out\n` : `wget: can't connect to remote host (${ip}): Connection refused\n`);
      return 1;
    }
    if (o.serverResponse) err(`  HTTP/1.1 ${res.status} ${res.statusText}\n${Object.entries(res.headers).map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
    if (res.status >= 400) {
      err(`wget: server returned error: HTTP/1.1 ${res.status} ${res.statusText}\n`);
      return 1;
    }
    if (o.spider) {
      if (!o.quiet) err('remote file exists\n');
      continue;
    }
    const target = targetName(o, u.path);
    if (o.output === undefined && ctx.fs.exists(abs(ctx, target))) {
      err(`wget: can't open '${target}': File exists\n`);
      return 1;
    }
    if (!o.quiet) err(target === '-' ? 'writing to stdout\n' : `saving to '${target}'\n`);
    const body = responseBody(res);
    const failure = await write(ctx, target, body);
    if (failure) {
      err(`wget: can't open '${target}': ${failure}\n`);
      return 1;
    }
    if (!o.quiet) err(`${progressLine(target, contentSize(body))}${target === '-' ? 'written to stdout\n' : `'${target}' saved\n`}`);
  }
  return 0;
};

/** wget's " (1.9M)" after the length, from 1024 bytes on (one decimal below 10, powers of 1024) */
function lengthText(n: number): string {
  if (n < 1024) return '';
  const units = ['K', 'M', 'G', 'T'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return ` (${v < 10 ? v.toFixed(1) : Math.round(v)}${units[i]})`;
}

/**
 * wget's dot progress (not on a terminal): a row of 50 KiB per line in five
 * clusters of ten 1 KiB dots, then the percentage and the rate; the last row
 * pads its missing dots with spaces and ends with rate=time.
 */
function dotProgress(n: number): string {
  const row = 50 * 1024;
  const lines: string[] = [];
  for (let start = 0; ; start += row) {
    const last = start + row >= n;
    const dots = last ? Math.floor((n - start) / 1024) : 50;
    let line = `${start / 1024}K`.padStart(7);
    for (let i = 0; i < 50; i++) line += `${i % 10 === 0 ? ' ' : ''}${i < dots ? '.' : ' '}`;
    const pct = Math.floor((100 * (last ? n : start + row)) / Math.max(1, n));
    line += `${String(pct).padStart(3)}%${last ? ' 587M=0s' : ' 587M 0s'}`;
    lines.push(line);
    if (last) break;
  }
  return `${lines.join('\n')}\n`;
}

export const wgetGnu: Program = async (ctx) => {
  const o = parse(ctx.argv.slice(1));
  const err = (s: string) => ctx.io.stderr.write(s);
  if (typeof o === 'string') {
    err(`wget: unrecognized option '${o}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`);
    return 2;
  }
  if (o.urls.length === 0) {
    err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  let status = 0;
  for (const url of o.urls) {
    const u = parseUrl(url);
    if (!u) {
      err(`${url}: Invalid URL ${url}: Unsupported scheme\n`);
      status = 1;
      continue;
    }
    const full = /^https?:\/\//i.test(url) ? url : `http://${url}`;
    const when = () => strftime('%Y-%m-%d %H:%M:%S', ctx.clock.now());
    if (!o.quiet) err(`--${when()}--  ${full}\n`);
    const ip = resolveIp(ctx, u.host);
    if (!ip) {
      if (!o.quiet) err(`Resolving ${u.host} (${u.host})... failed: Name or service not known.\n`);
      err(`wget: unable to resolve host address ‘${u.host}’\n`);
      status = 4;
      continue;
    }
    if (!o.quiet && !/^\d+\.\d+\.\d+\.\d+$/.test(u.host)) err(`Resolving ${u.host} (${u.host})... ${ip}\n`);
    if (!o.quiet) err(`Connecting to ${u.host} (${u.host})|${ip}|:${u.port}... `);
    const res = await send(ctx, request(o, u, 'Wget/1.21.3'));
    if ('error' in res) {
      if (!o.quiet) err(res.error === 'timeout' ? 'failed: Connection timed out.\n' : 'failed: Connection refused.\n');
      status = 4;
      continue;
    }
    if (!o.quiet) err(`connected.\nHTTP request sent, awaiting response... ${res.status} ${res.statusText}\n`);
    if (res.status >= 400) {
      err(`${when()} ERROR ${res.status}: ${res.statusText}.\n\n`);
      status = 8;
      continue;
    }
    const type = Object.entries(res.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const target = targetName(o, u.path);
    const body = responseBody(res);
    const length = contentSize(body);
    if (!o.quiet) err(`Length: ${length}${lengthText(length)}${type ? ` [${type}]` : ''}\nSaving to: ‘${target}’\n\n`);
    const failure = await write(ctx, target, body);
    if (failure) {
      err(`${target}: ${failure}\n`);
      status = 3;
      continue;
    }
    if (!o.quiet) {
      err(`${dotProgress(length)}\n${when()} (587 MB/s) - ‘${target}’ saved [${length}/${length}]\n\n`);
    }
  }
  return status;
};
