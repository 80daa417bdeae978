import { describe, expect, it } from 'vitest';
import { learnerSession, sh, standinSession } from './helpers';

describe('web servers in containers', () => {
  it('stand-in nginx: the script runs busybox httpd in the background; both processes listed; published port routes; stop is quick', async () => {
    const s = standinSession();
    expect((await sh(s, 'docker run -d --name web -p 80:80 nginx')).exit).toBe(0);
    const page = await sh(s, 'curl -s localhost');
    expect(page.out).toContain('<title>Welcome to nginx!</title>');
    const top = (await sh(s, 'docker top web')).out.split('\n');
    expect(top[1]).toMatch(/\/bin\/sh \/usr\/sbin\/nginx -g daemon off;$/);
    expect(top[2]).toMatch(/httpd -f -p 80 -h \/usr\/share\/nginx\/html$/);
    const ps = await sh(s, 'docker exec web ps');
    expect(ps.out).toMatch(/^PID {3}USER {5}COMMAND\n {4}1 root {5}\/bin\/sh \/usr\/sbin\/nginx -g daemon off;\n +\d+ root {5}httpd -f -p 80 -h \/usr\/share\/nginx\/html\n +\d+ root {5}ps\n$/);
    const stop = await sh(s, 'docker stop web');
    expect(stop.exit).toBe(0);
    expect(stop.seconds).toBeLessThan(2);
    expect((await sh(s, "docker inspect -f '{{.State.ExitCode}}' web")).out).toBe('0\n');
    expect((await sh(s, 'curl -s localhost')).exit).toBe(7);
  });

  it('learner nginx binary: master and worker processes, startup notices, one access-log line per request from the bridge gateway', async () => {
    const s = learnerSession();
    expect((await sh(s, 'docker run -d --name web -p 8080:80 nginx')).exit).toBe(0);
    expect((await sh(s, 'curl -s localhost:8080')).out).toContain('Welcome to nginx!');
    await sh(s, 'curl -s localhost:8080/nope');
    const logs = await sh(s, 'docker logs web');
    expect(logs.err).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 1#1: using the "epoll" event method$/m);
    expect(logs.err).toContain('[notice] 1#1: nginx/1.25.3');
    expect(logs.err).toMatch(/\[notice\] 1#1: start worker process \d+/);
    const access = logs.out.split('\n').filter((l) => l.includes('HTTP/1.1'));
    expect(access[0]).toMatch(/^172\.17\.0\.1 - - \[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.88\.1" "-"$/);
    expect(access[1]).toMatch(/"GET \/nope HTTP\/1\.1" 404 153 "-" "curl\/7\.88\.1" "-"$/);
    const top = (await sh(s, 'docker top web')).out;
    expect(top).toMatch(/root .* nginx: master process nginx -g daemon off;\n/);
    expect(top.match(/101 .* nginx: worker process/g)?.length).toBe(2);
    // nginx:latest is Debian without procps: no ps, as in the real image
    expect((await sh(s, 'docker exec web ps')).out).toContain('exec: "ps": executable file not found in $PATH');
    const stop = await sh(s, 'docker stop web');
    expect(stop.seconds).toBeLessThan(2);
    expect((await sh(s, 'docker logs web')).err).toContain('[notice] 1#1: signal 3 (SIGQUIT) received, shutting down');
  });

  it('redis and mongo binaries print their startup logs and keep running until stopped', async () => {
    const s = learnerSession();
    await sh(s, 'docker run -d --name rd redis');
    await sh(s, 'docker run -d --name mg mongo:3.2');
    const r = await sh(s, 'docker logs rd');
    expect(r.out).toMatch(/^1:C \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3} \* Redis version=7\.2\.3, bits=64, commit=00000000, modified=0, pid=1, just started$/m);
    expect(r.out).toMatch(/1:M .* \* Ready to accept connections tcp\n$/);
    expect((await sh(s, 'docker logs mg')).out).toMatch(/I NETWORK {2}\[initandlisten\] waiting for connections on port 27017\n$/);
    expect((await sh(s, 'docker ps --format "{{.Names}} {{.Status}}"')).out).toMatch(/^mg Up .*\nrd Up /);
    await sh(s, 'docker stop rd');
    expect((await sh(s, 'docker logs rd')).out).toMatch(/Received SIGTERM scheduling shutdown\.\.\.\n.*User requested shutdown/);
  });

  it('containers reach each other by name on a user network (curl, wget, ping); the default bridge has no names', async () => {
    const s = standinSession();
    await sh(s, 'docker network create net');
    await sh(s, 'docker run -d --name web2 --network net nginx');
    const w = await sh(s, 'docker run --rm --network net busybox wget -qO- http://web2');
    expect(w.exit).toBe(0);
    expect(w.out).toContain('Welcome to nginx!');
    const v = await sh(s, 'docker run --rm --network net busybox wget web2');
    expect(v.err).toMatch(/^Connecting to web2 \(172\.18\.0\.2:80\)\nsaving to 'index\.html'\nindex\.html {11}100% \|\*{32}\| {3}615 {2}0:00:00 ETA\n'index\.html' saved\n$/);
    const p = await sh(s, 'docker run --rm --network net busybox ping -c 1 web2');
    expect(p.out).toContain('64 bytes from 172.18.0.2: seq=0 ttl=64');
    const bad = await sh(s, 'docker run --rm busybox ping -c 1 web2');
    expect(bad.exit).toBe(1);
    expect(bad.err).toBe("ping: bad address 'web2'\n");
    const c = await sh(s, 'docker run --rm --network net busybox wget -qO- http://nosuch');
    expect(c.err).toBe("wget: bad address 'nosuch'\n");
  });
});

describe('nginx -s', () => {
  it('reload signals the master through its PID file', async () => {
    const s = learnerSession();
    await sh(s, 'docker run -d --name web nginx');
    const r = await sh(s, 'docker exec web nginx -s reload');
    expect(r.exit).toBe(0);
    expect(r.err).toMatch(/\[notice\] \d+#\d+: signal process started\n$/);
    const logs = (await sh(s, 'docker logs web')).err;
    expect(logs).toContain('[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring');
    expect((await sh(s, 'docker top web')).out.match(/nginx: worker process/g)?.length).toBe(2);
  });
});
