/**
 * The export file: versioned JSON with a format marker,
 *   {"format":"dockyard-sandbox","version":1,"exportedAt":"…","sandbox":{…},
 *    "blobs":{"sha256:…":"<base64>"},"provenance":{…},"lessons":{…},
 *    "terminals":[…],"scrollback":{…}}
 * and its decoding, which says precisely why a file is refused.
 */
import type { TerminalTab } from './contract';
import { fromBase64, toBase64 } from '../lib/base64';
import type { SandboxBlobs, SessionSnapshot } from './session-factory';

export const SANDBOX_FILE_FORMAT = 'dockyard-sandbox';
export const SANDBOX_FILE_VERSION = 1;

export interface SandboxFileExtras {
  provenance: Record<string, string>;
  lessons: Record<string, unknown>;
  terminals: TerminalTab[];
  scrollback: Record<string, string>;
}

export interface SandboxFile extends SandboxFileExtras {
  format: typeof SANDBOX_FILE_FORMAT;
  version: number;
  exportedAt: string;
  sandbox: unknown;
  blobs: Record<string, string>;
}

export function encodeSandboxFile(snapshot: SessionSnapshot, blobs: SandboxBlobs, extras: SandboxFileExtras, exportedAt: string): string {
  const table: Record<string, string> = {};
  for (const d of snapshot.blobs) {
    const b = blobs.find(d);
    if (!b) throw new Error(`missing blob ${d}`);
    table[d] = toBase64(b);
  }
  const file: SandboxFile = {
    format: SANDBOX_FILE_FORMAT,
    version: SANDBOX_FILE_VERSION,
    exportedAt,
    sandbox: snapshot.data,
    blobs: table,
    ...extras,
  };
  return JSON.stringify(file);
}

export type DecodeResult =
  | { ok: true; snapshot: SessionSnapshot; blobs: Map<string, Uint8Array>; extras: Partial<SandboxFileExtras> }
  | { ok: false; reason: 'not-json' | 'foreign' | 'newer'; version?: number }
  | { ok: false; reason: 'damaged'; detail: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  for (const x of Object.values(v)) if (typeof x !== 'string') return undefined;
  return v as Record<string, string>;
}

function terminalsOf(v: unknown): TerminalTab[] | undefined {
  if (!Array.isArray(v) || v.length === 0) return undefined;
  const out: TerminalTab[] = [];
  for (const t of v) {
    if (!isRecord(t) || typeof t.id !== 'string' || typeof t.index !== 'number') return undefined;
    out.push({ id: t.id, index: t.index });
  }
  return out;
}

/** parse and check a file; blobs are decoded (their digests are checked by whoever adds them) */
export function decodeSandboxFile(text: string): DecodeResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (!isRecord(json) || json.format !== SANDBOX_FILE_FORMAT) return { ok: false, reason: 'foreign' };
  if (typeof json.version !== 'number') return { ok: false, reason: 'damaged', detail: 'no format version' };
  if (json.version > SANDBOX_FILE_VERSION) return { ok: false, reason: 'newer', version: json.version };
  if (json.version !== SANDBOX_FILE_VERSION) return { ok: false, reason: 'damaged', detail: `unknown format version ${json.version}` };
  if (!isRecord(json.sandbox)) return { ok: false, reason: 'damaged', detail: 'no sandbox data' };
  const table = stringRecord(json.blobs);
  if (!table) return { ok: false, reason: 'damaged', detail: 'bad file contents table' };
  const blobs = new Map<string, Uint8Array>();
  for (const [d, b64] of Object.entries(table)) {
    if (!/^sha256:[0-9a-f]{64}$/.test(d)) return { ok: false, reason: 'damaged', detail: `bad content digest ${d.slice(0, 80)}` };
    try {
      blobs.set(d, fromBase64(b64));
    } catch {
      return { ok: false, reason: 'damaged', detail: `bad content for ${d}` };
    }
  }
  const extras: Partial<SandboxFileExtras> = {};
  const provenance = stringRecord(json.provenance);
  if (provenance) extras.provenance = provenance;
  if (isRecord(json.lessons)) extras.lessons = json.lessons;
  const terminals = terminalsOf(json.terminals);
  if (terminals) extras.terminals = terminals;
  const scrollback = stringRecord(json.scrollback);
  if (scrollback) extras.scrollback = scrollback;
  return { ok: true, snapshot: { data: json.sandbox, blobs: [...blobs.keys()] }, blobs, extras };
}
