/**
 * Builds the web app with `vite build` and serves it with `vite preview` on a
 * free localhost port, for the browser suite and the web benchmark. Both run
 * vite's own CLI as child processes. The build goes to a temporary folder
 * (not dist/), so a build someone else starts meanwhile cannot change the
 * files under the page being tested; DOCKYARD_DIST=<folder> skips the build
 * and serves that folder as it is.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

export interface BuiltApp {
  /** the folder with index.html and assets/ */
  dir: string;
  /** removes the folder if this process made it */
  dispose(): void;
}

export function runVite(args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((done, fail) => {
    // no .gz/.br files (tools/build/precompress.ts): vite preview serves files as they are
    const child = spawn(process.execPath, [VITE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOCKYARD_PRECOMPRESS: '0' } });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ status: code ?? 1, output }));
  });
}

/** `vite build` into a fresh temporary folder (or DOCKYARD_DIST as it is) */
export async function buildApp(log: (line: string) => void = () => {}): Promise<BuiltApp> {
  const given = process.env.DOCKYARD_DIST;
  if (given) {
    log(`serving the existing build in ${given}`);
    return { dir: resolve(given), dispose: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dockyard-dist-'));
  const started = Date.now();
  const r = await runVite(['build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn']);
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`vite build failed (exit ${r.status}):\n${r.output}`);
  }
  log(`vite build: ${((Date.now() - started) / 1000).toFixed(1)} s → ${dir}`);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => done(port));
    });
  });
}

export interface Preview {
  /** http://127.0.0.1:PORT/ */
  url: string;
  close(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      done();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** `vite preview` of `dir` on a free port of 127.0.0.1; resolves once it serves index.html */
export async function startPreview(dir: string): Promise<Preview> {
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, [VITE, 'preview', '--outDir', dir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    const url = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (await answers(url)) return { url, close: () => stop(child) };
      await new Promise((r) => setTimeout(r, 100));
    }
    await stop(child);
    lastError = output;
  }
  throw new Error(`vite preview did not start:\n${lastError}`);
}
