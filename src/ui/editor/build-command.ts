/**
 * The "Build" button's command line: `docker build -t <dirname>:latest .` in
 * the Dockerfile's directory, with `-f <file>` when the file is not named
 * Dockerfile, and `cd <dir> && ` first when the terminal is elsewhere.
 */
import { basename, dirname } from './paths';

/** Dockerfile, Dockerfile.dev, web.Dockerfile, x.dockerfile */
export function isDockerfile(path: string): boolean {
  const name = basename(path).toLowerCase();
  return name === 'dockerfile' || name.startsWith('dockerfile.') || name.endsWith('.dockerfile');
}

/** quote a word for the shell only when it needs it */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./~-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A repository name Docker accepts, from a directory name: lower case, runs
 * of other characters become "-", separators not at the ends ("My App" → "my-app").
 */
export function repoNameFor(dir: string): string {
  const name = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[._-]{2,}/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '');
  return name === '' ? 'app' : name;
}

/** the cwd a prompt like `learner@dockyard:~/app$ ` shows (undefined if it does not look like one) */
export function cwdFromPrompt(prompt: string, home: string): string | undefined {
  const m = /:([^:]*?)[$#] ?$/.exec(prompt.replace(/\x1b\[[0-9;]*m/g, ''));
  if (!m) return undefined;
  const p = m[1] as string;
  if (p === '~') return home;
  if (p.startsWith('~/')) return `${home}${p.slice(1)}`;
  return p.startsWith('/') ? p : undefined;
}

export function buildCommand(dockerfilePath: string, cwd: string | undefined): string {
  const dir = dirname(dockerfilePath);
  const file = basename(dockerfilePath);
  const parts = ['docker', 'build'];
  if (file !== 'Dockerfile') parts.push('-f', shellQuote(file));
  parts.push('-t', `${repoNameFor(dir)}:latest`, '.');
  const build = parts.join(' ');
  return cwd === dir ? build : `cd ${shellQuote(dir)} && ${build}`;
}
