/** Which Monaco language colours a file, by name (only the languages editor-setup.ts registers). */
import { isDockerfile } from './build-command';
import { basename } from './paths';

const BY_EXTENSION: Record<string, string> = {
  sh: 'shell',
  bash: 'shell',
  yml: 'yaml',
  yaml: 'yaml',
  md: 'markdown',
  ini: 'ini',
  conf: 'ini',
  cfg: 'ini',
  env: 'ini',
  py: 'python',
  js: 'javascript',
  mjs: 'javascript',
  json: 'javascript',
  html: 'html',
  htm: 'html',
  css: 'css',
  go: 'go',
};

export function languageOf(path: string): string {
  if (isDockerfile(path)) return 'dockerfile';
  const name = basename(path);
  if (name === '.dockerignore' || name === '.gitignore') return 'ini';
  if (name === 'docker-compose.yml' || name === 'compose.yaml') return 'yaml';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? (BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? 'plaintext') : 'plaintext';
}
