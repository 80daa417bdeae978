/**
 * The learner's simulated Internet: names resolve to the sites' addresses and
 * nothing else resolves; files are served with their length (large ones
 * lazily), anything else is nginx's 404; git fetch gets a ref's tree or git's
 * failure; the redis release holds the Makefiles its build needs.
 */
import { describe, expect, it } from 'vitest';
import { responseBody } from '../../api/net';
import { contentSize, gunzipped, isLazy } from '../../lib/content';
import { readTar } from '../../lib/tar';
import { gitRemoteParts } from './internet';
import { learnerInternet } from './sites';

const get = (host: string, path: string, port = 80) => ({ method: 'GET', host, port, path, headers: {} });

describe('the simulated Internet', () => {
  it('resolves only its own hosts', () => {
    const net = learnerInternet();
    expect(net.resolve('download.redis.io')).toBe('45.60.121.1');
    expect(net.resolve('GitHub.com.')).toBe('140.82.112.3');
    expect(net.resolve('example.com')).toBeUndefined();
    expect(net.owns('45.60.121.1')).toBe(true);
    expect(net.owns('8.8.8.8')).toBe(false);
  });

  it('serves the redis release lazily, with its length; a 404 for other paths; nothing on other ports or hosts', async () => {
    const net = learnerInternet();
    const res = await net.http(get('download.redis.io', '/releases/redis-5.0.3.tar.gz'));
    if ('error' in res) throw new Error(res.error);
    const body = responseBody(res);
    expect(res.status).toBe(200);
    expect(isLazy(body)).toBe(true);
    expect(res.headers['Content-Length']).toBe(String(contentSize(body)));
    const tar = gunzipped(body);
    if (!tar) throw new Error('not a lazy gzip');
    const names = readTar(tar).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['redis-5.0.3/Makefile', 'redis-5.0.3/src/Makefile', 'redis-5.0.3/src/server.c', 'redis-5.0.3/deps/hiredis/Makefile', 'redis-5.0.3/deps/lua/src/lapi.c']));
    // by address too (a container's wget connects to the IP), and the same content again
    const again = await net.http(get('45.60.121.1', '/releases/redis-5.0.3.tar.gz'));
    expect('error' in again ? undefined : responseBody(again)).toBe(body);
    const missing = await net.http(get('download.redis.io', '/releases/redis-9.9.9.tar.gz'));
    expect('error' in missing ? missing : [missing.status, new TextDecoder().decode(missing.body).includes('<center><h1>404 Not Found</h1></center>')]).toEqual([404, true]);
    expect(await net.http(get('download.redis.io', '/', 8080))).toEqual({ error: 'timeout' });
    expect(await net.http(get('example.com', '/'))).toEqual({ error: 'unresolved' });
  });

  it("fetches a git ref's tree, or says what git says", () => {
    const net = learnerInternet();
    const ok = net.gitFetch('https://github.com/docker-library/hello-world.git', 'master');
    if ('error' in ok) throw new Error(ok.error);
    expect(ok.tree.filter((e) => e.path.startsWith('amd64/')).map((e) => `${e.path} ${e.type} ${e.mode.toString(8)}`)).toEqual([
      'amd64/hello-world dir 755',
      'amd64/hello-world/Dockerfile file 644',
      'amd64/hello-world/hello file 755',
    ]);
    expect(net.gitFetch('git@github.com:docker-library/hello-world.git', 'master')).toHaveProperty('tree');
    expect(net.gitFetch('https://github.com/docker-library/hello-world.git', 'v1')).toEqual({ error: "fatal: couldn't find remote ref v1\n" });
    expect(net.gitFetch('https://github.com/someone/private.git', 'master')).toEqual({ error: "fatal: could not read Username for 'https://github.com': No such device or address\n" });
  });

  it('splits git remotes into host and path', () => {
    expect(gitRemoteParts('https://github.com/docker-library/hello-world.git')).toEqual({ host: 'github.com', path: '/docker-library/hello-world' });
    expect(gitRemoteParts('git://github.com/a/b')).toEqual({ host: 'github.com', path: '/a/b' });
    expect(gitRemoteParts('git@GitHub.com:a/b.git')).toEqual({ host: 'github.com', path: '/a/b' });
    expect(gitRemoteParts('https://user@github.com:443/a/b.git/')).toEqual({ host: 'github.com', path: '/a/b' });
  });
});
