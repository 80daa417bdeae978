/**
 * Tab completion for the host shell: command names, docker commands and flags
 * (from the CLI's specs), container/image/volume/network names (through the
 * engine client's list calls) and host file paths. `complete` works out the
 * candidates; `applyCompletion` turns them into what bash would do with one
 * Tab: insert the only match (and a space), extend to the longest common
 * prefix, or list the choices.
 */
import type { CommandSpec, FlagSpec } from '../../../cli/framework/command';
import { type ArgKind, dockerWant } from './docker-grammar';
import { quoteWord, wordsAtCursor } from './shell-words';

export interface ContainerName {
  name: string;
  /** State from the Engine API: running, exited, created, paused, … */
  state: string;
}

/** Where candidates come from (the session's client and host filesystem in the app; fakes in tests). */
export interface CompletionSource {
  containers(): Promise<ContainerName[]>;
  /** image references: repo:tag (and repo alone for :latest) */
  images(): Promise<string[]>;
  volumes(): Promise<string[]>;
  /** repositories on the registry whose names start with `prefix` (docker search) */
  searchRepositories?(prefix: string): Promise<string[]>;
  networks(): Promise<string[]>;
  /** entries of a host directory (absolute path) with whether each is a directory; [] if unreadable */
  listDir(path: string): { name: string; dir: boolean }[];
  cwd(): string;
  home(): string;
  /** names the shell can run: builtins, programs, docker */
  commands(): string[];
  /** the docker CLI's top-level commands and global options */
  docker: { commands: readonly CommandSpec[]; globals: readonly FlagSpec[] };
}

export interface Candidate {
  /** the whole word it completes to (unquoted) */
  word: string;
  /** what follows a unique match: ' ' usually, '' after a directory's '/' or a container's ':' */
  suffix: string;
  /** how it is shown in a list (a path's last part) */
  label: string;
}

export interface CompletionRequest {
  /** where the word being completed starts (character index) */
  start: number;
  /** the partial word as typed, unquoted */
  current: string;
  quote?: '"' | "'";
  candidates: Candidate[];
}

const plainWords = (words: readonly string[], prefix = ''): Candidate[] =>
  words.map((w) => ({ word: prefix + w, suffix: w.endsWith('=') ? '' : ' ', label: prefix + w }));

export async function complete(line: string, cursor: number, src: CompletionSource): Promise<CompletionRequest> {
  const at = wordsAtCursor(line, cursor);
  const base = { start: at.start, current: at.current, quote: at.quote };
  const matching = (cands: Candidate[]) => ({ ...base, candidates: cands.filter((c) => c.word.startsWith(at.current)) });

  if (at.words.length === 0) {
    if (at.current.includes('/')) return matching(paths(at.current, src, false));
    return matching(plainWords([...new Set(src.commands())].sort()));
  }
  const cmd = at.words[0]!;
  if (cmd === 'docker') {
    const want = dockerWant(at.words.slice(1), at.current, src.docker.commands, src.docker.globals);
    if (want.kind === 'words') return matching(plainWords(want.words, want.prefix));
    const value = at.current.slice(want.prefix.length);
    const cands = await argCandidates(want.kind, value, src);
    return matching(cands.map((c) => ({ ...c, word: want.prefix + c.word, label: c.label })));
  }
  if (cmd === 'cd' || cmd === 'pushd' || cmd === 'rmdir') return matching(paths(at.current, src, true));
  return matching(paths(at.current, src, false));
}

async function argCandidates(kind: ArgKind, value: string, src: CompletionSource): Promise<Candidate[]> {
  const names = (list: readonly string[], suffix = ' ') => list.map((w) => ({ word: w, suffix, label: w }));
  switch (kind) {
    case 'container':
    case 'running':
    case 'stopped':
    case 'paused': {
      const all = await src.containers();
      const ok = (s: string) =>
        kind === 'container' ||
        (kind === 'running' && (s === 'running' || s === 'restarting')) ||
        (kind === 'stopped' && (s === 'exited' || s === 'created' || s === 'dead')) ||
        (kind === 'paused' && s === 'paused');
      return names(all.filter((c) => ok(c.state)).map((c) => c.name).sort());
    }
    case 'image':
      return names([...new Set(await src.images())].sort());
    case 'pullable': {
      const local = await src.images();
      const remote = value && !value.includes(':') && src.searchRepositories ? await src.searchRepositories(value).catch(() => []) : [];
      return names([...new Set([...local, ...remote])].sort());
    }
    case 'volume':
      if (/^[/.~]/.test(value)) return paths(value, src, false);
      return names((await src.volumes()).sort());
    case 'network':
      return names((await src.networks()).sort());
    case 'object': {
      const [c, i, v, n] = await Promise.all([src.containers(), src.images(), src.volumes(), src.networks()]);
      return names([...new Set([...c.map((x) => x.name), ...i, ...v, ...n])].sort());
    }
    case 'cp':
      if (value.includes(':')) return [];
      if (/^[/.~]/.test(value)) return paths(value, src, false);
      return [
        ...(await src.containers()).map((c) => ({ word: `${c.name}:`, suffix: '', label: `${c.name}:` })).sort(byWord),
        ...paths(value, src, false),
      ];
    case 'path':
      return paths(value, src, false);
    case 'directory':
      return paths(value, src, true);
    default:
      return [];
  }
}

/** files under the directory part of `typed`; `dirsOnly` for cd and build contexts */
function paths(typed: string, src: CompletionSource, dirsOnly: boolean): Candidate[] {
  const slash = typed.lastIndexOf('/');
  const dirPart = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const basePart = typed.slice(slash + 1);
  let dir = dirPart || '.';
  if (dir === '~' || dir.startsWith('~/')) dir = src.home() + dir.slice(1);
  const abs = dir.startsWith('/') ? dir : `${src.cwd().replace(/\/$/, '')}/${dir}`;
  const out: Candidate[] = [];
  for (const e of src.listDir(normalize(abs))) {
    if (e.name.startsWith('.') && !basePart.startsWith('.')) continue;
    if (dirsOnly && !e.dir) continue;
    out.push({ word: dirPart + e.name + (e.dir ? '/' : ''), suffix: e.dir ? '' : ' ', label: e.name + (e.dir ? '/' : '') });
  }
  return out.sort(byWord);
}

function byWord(a: Candidate, b: Candidate): number {
  return a.word < b.word ? -1 : a.word > b.word ? 1 : 0;
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** What one Tab does with the candidates. */
export type TabAction =
  | { kind: 'none' }
  | { kind: 'replace'; from: number; to: number; text: string }
  | { kind: 'list'; items: string[] };

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** `cursor`: where the word ends now (the editor's cursor) */
export function applyCompletion(req: CompletionRequest, cursor: number): TabAction {
  const c = req.candidates;
  if (c.length === 0) return { kind: 'none' };
  const typed = (word: string) => (req.quote ? req.quote + quoteWord(word, req.quote) : quoteWord(word));
  if (c.length === 1) {
    const only = c[0]!;
    const close = req.quote && only.suffix === ' ' ? req.quote : '';
    return { kind: 'replace', from: req.start, to: cursor, text: typed(only.word) + close + only.suffix };
  }
  const prefix = commonPrefix(c.map((x) => x.word));
  if (prefix.length > req.current.length) return { kind: 'replace', from: req.start, to: cursor, text: typed(prefix) };
  return { kind: 'list', items: c.map((x) => x.label) };
}
