/**
 * The tutorial's other docker build examples in the learner's app (000_*.txt
 * around lines 275 and 323), typed in the host shell and run by the docker
 * CLI with the learner catalog and its simulated Internet: the
 * redis-from-source Dockerfile (apt-get, wget from download.redis.io, tar,
 * make, gcc) and the build from github.com's hello-world repository. Hosts
 * outside the simulated Internet keep the offline errors.
 */
import { describe, expect, it } from 'vitest';
import { createLessonSandbox } from '../../src/runner/lesson-sandbox';

const REDIS_DOCKERFILE = `FROM debian:stretch

RUN set -x; buildDeps='gcc libc6-dev make wget' \\
    && apt-get update \\
    && apt-get install -y $buildDeps \\
    && wget -O redis.tar.gz "http://download.redis.io/releases/redis-5.0.3.tar.gz" \\
    && mkdir -p /usr/src/redis \\
    && tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1 \\
    && make -C /usr/src/redis \\
    && make -C /usr/src/redis install \\
    && rm -rf /var/lib/apt/lists/* \\
    && rm redis.tar.gz \\
    && rm -r /usr/src/redis \\
    && apt-get purge -y --auto-remove $buildDeps
`;

/** the output without the legacy builder's red for stderr */
const plainLines = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').split('\n');

describe('the tutorial builds in the learner app', () => {
  it('builds redis from source: packages, the download, make and make install, the purge; the image runs redis-server', async () => {
    const sb = createLessonSandbox();
    sb.env.hostFs.mkdir('/home/learner/redis', { recursive: true });
    sb.env.hostFs.writeFile('/home/learner/redis/Dockerfile', REDIS_DOCKERFILE);
    const r = await sb.env.exec('cd redis && docker build -t redis:src .');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = plainLines(r.stdout);
    expect(lines).toContain('0 upgraded, 34 newly installed, 0 to remove and 0 not upgraded.');
    expect(lines).toContain('Resolving download.redis.io (download.redis.io)... 45.60.121.1');
    expect(lines.some((l) => /^Length: \d+ \(\d\.\dM\) \[application\/octet-stream\]$/.test(l))).toBe(true);
    // make echoes what it runs; the recursion says where it works
    for (const l of [
      "make: Entering directory '/usr/src/redis'",
      'cd src && make all',
      "make[1]: Entering directory '/usr/src/redis/src'",
      '(cd ../deps && make hiredis linenoise lua)',
      'ar rcs libhiredis.a net.o hiredis.o sds.o async.o read.o',
      'cc  -Wall -Os -g  -c linenoise.c',
      'ranlib liblua.a',
      '    CC adlist.o',
      '    LINK redis-server',
      '    INSTALL redis-sentinel',
      "Hint: It's a good idea to run 'make test' ;)",
      'cd src && make install',
      '    INSTALL install',
      "make: Leaving directory '/usr/src/redis'",
      'After this operation, 122 MB disk space will be freed.',
      'Removing gcc (4:6.3.0-4) ...',
      'Purging configuration files for wget (1.18-5+deb9u3) ...',
      'Successfully tagged redis:src',
    ]) {
      expect(lines).toContain(l);
    }
    expect(lines).toContain('0 upgraded, 0 newly installed, 34 to remove and 0 not upgraded.');
    // the image keeps what make install put in /usr/local/bin, not the compilers or the sources
    const ls = await sb.env.exec("docker run --rm redis:src sh -c 'ls /usr/local/bin; ls /usr/src; for p in gcc cc make wget; do command -v $p || echo no $p; done'");
    expect(ls.stdout).toBe('redis-benchmark\nredis-check-aof\nredis-check-rdb\nredis-cli\nredis-sentinel\nredis-server\nno gcc\nno cc\nno make\nno wget\n');
    const run = await sb.env.exec('docker run -d --name r1 redis:src redis-server');
    expect(run.status).toBe(0);
    sb.clock.advance(2000);
    const logs = await sb.env.exec('docker logs r1');
    expect(logs.stdout + logs.stderr).toMatch(/Ready to accept connections/);
  });

  it('builds hello-world from its git repository (#master:amd64/hello-world) and runs it', async () => {
    const sb = createLessonSandbox();
    const r = await sb.env.exec('docker build -t hello-world https://github.com/docker-library/hello-world.git#master:amd64/hello-world');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').map((l) => l.replace(/[0-9a-f]{12}/g, '<ID>').replace(/\r/g, ''));
    expect(lines[0]).toBe('Sending build context to Docker daemon  15.87kB');
    expect(lines.slice(1)).toEqual([
      'Step 1/3 : FROM scratch',
      ' ---> ',
      'Step 2/3 : COPY hello /',
      ' ---> <ID>',
      'Step 3/3 : CMD ["/hello"]',
      ' ---> Running in <ID>',
      'Removing intermediate container <ID>',
      ' ---> <ID>',
      'Successfully built <ID>',
      'Successfully tagged hello-world:latest',
      '',
    ]);
    // the clone's temporary directory is gone
    expect(sb.env.hostFs.readdir('/tmp').filter((n) => n.startsWith('docker-build-git'))).toEqual([]);
    const run = await sb.env.exec('docker run --rm hello-world');
    expect(run.stdout).toContain('Hello from Docker!');
  });

  it('keeps git and the network errors for what the simulated Internet does not have', async () => {
    const sb = createLessonSandbox();
    const prefix = "unable to prepare context: unable to 'git clone' to temporary context directory: ";
    const repo = await sb.env.exec('docker build https://github.com/docker-library/no-such-repo.git');
    expect([repo.status, repo.stderr]).toEqual([1, `${prefix}error fetching: fatal: could not read Username for 'https://github.com': No such device or address\n: exit status 128\n`]);
    const ref = await sb.env.exec('docker build https://github.com/docker-library/hello-world.git#v9:amd64/hello-world');
    expect(ref.stderr).toBe(`${prefix}error fetching: fatal: couldn't find remote ref v9\n: exit status 128\n`);
    const dir = await sb.env.exec('docker build https://github.com/docker-library/hello-world.git#master:nope');
    expect(dir.stderr).toMatch(new RegExp(`^${prefix.replace(/[()]/g, '\\$&')}stat /tmp/docker-build-git\\d+/nope: no such file or directory\\n$`));
    const host = await sb.env.exec('docker build https://gitlab.com/x/y.git');
    expect(host.stderr).toBe(`${prefix}error fetching: fatal: unable to access 'https://gitlab.com/x/y.git/': Could not resolve host: gitlab.com\n: exit status 128\n`);
    // the learner's machine reaches the same hosts, and only those
    const head = await sb.env.exec('curl -sI http://download.redis.io/releases/redis-5.0.3.tar.gz');
    expect(head.stdout).toMatch(/^HTTP\/1\.1 200 OK\n/);
    const nohost = await sb.env.exec('curl -sS http://example.com/x.tgz');
    expect([nohost.status, nohost.stderr]).toEqual([6, 'curl: (6) Could not resolve host: example.com\n']);
    await sb.env.exec('docker pull debian:stretch');
    const wget = await sb.env.exec("docker run --rm debian:stretch sh -c 'apt-get update >/dev/null && apt-get install -y wget >/dev/null 2>&1; wget -q http://example.com/x.tgz; echo $?'");
    expect(wget.stdout).toBe('4\n');
    expect(wget.stderr).toBe('wget: unable to resolve host address ‘example.com’\n');
  });
});
