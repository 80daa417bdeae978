/**
 * `docker build URL`: git repositories and remote tarballs. The sandbox has no
 * network to the outside world, so these fail as they do on an offline
 * machine (texts of docker/cli 20.10 and of git, as recorded in golden
 * scenario 14: "Could not resolve host: github.com").
 */
import { ContextError } from './build-context';

/** urlutil.IsURL */
export function isUrl(s: string): boolean {
  return s.startsWith('http://') || s.startsWith('https://');
}

/** urlutil.IsGitURL */
export function isGitUrl(s: string): boolean {
  if (isUrl(s) && /\.git(?:#.+)?$/.test(s)) return true;
  return ['git://', 'github.com/', 'git@'].some((p) => s.startsWith(p));
}

function hostOf(url: string): string {
  const m = /^[a-z]+:\/\/(?:[^@/]*@)?([^/:#?]+)/.exec(url);
  return m ? (m[1] as string) : url;
}

/** GetContextFromGitURL offline: the error of the `git fetch` step */
export function gitContextError(url: string): ContextError {
  const repo = url.split('#')[0] as string;
  let detail: string;
  if (repo.startsWith('git@')) {
    const host = repo.slice(4).split(':')[0] as string;
    detail = `ssh: Could not resolve hostname ${host}: Name or service not known\r\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n`;
  } else if (repo.startsWith('git://')) {
    const host = hostOf(repo);
    detail = `fatal: unable to connect to ${host}:\n${host}: Name or service not known\n`;
  } else {
    const https = repo.startsWith('github.com/') ? `https://${repo}` : repo;
    detail = `fatal: unable to access '${https.replace(/\/?$/, '/')}': Could not resolve host: ${hostOf(https)}\n`;
  }
  return new ContextError(`unable to 'git clone' to temporary context directory: error fetching: ${detail}: exit status 128`);
}

/** GetContextFromURL offline: http.Get's error */
export function urlContextError(url: string): ContextError {
  const host = hostOf(url);
  const port = url.startsWith('https://') ? 443 : 80;
  const hostPort = /^[a-z]+:\/\/(?:[^@/]*@)?([^/#?]+)/.exec(url)?.[1] ?? host;
  const dial =
    host === 'localhost' || /^127\./.test(host)
      ? `dial tcp ${host === 'localhost' ? '127.0.0.1' : host}:${hostPort.includes(':') ? hostPort.split(':')[1] : port}: connect: connection refused`
      : `dial tcp: lookup ${host} on 127.0.0.53:53: no such host`;
  return new ContextError(`unable to download remote context ${url}: Get ${JSON.stringify(url)}: ${dial}`);
}
