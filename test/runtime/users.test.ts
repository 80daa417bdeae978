import { describe, expect, it } from 'vitest';
import { learnerSession, sh, standinSession } from './helpers';

describe('users and permissions across the engine, the runtime and the host', () => {
  it('run -u / exec -u resolve users in the container; unknown ones and -w onto a file are refused as dockerd does', async () => {
    const s = standinSession();
    expect((await sh(s, 'docker run --rm -u nobody:daemon busybox id')).out).toBe('uid=65534(nobody) gid=1(daemon) groups=1(daemon)\n');
    const nouser = await sh(s, 'docker run --rm -u nosuchuser busybox id');
    expect([nouser.exit, nouser.err]).toEqual([125, 'docker: Error response from daemon: unable to find user nosuchuser: no matching entries in passwd file.\n']);
    const nogroup = await sh(s, 'docker run --rm -u root:nosuchgroup busybox id');
    expect(nogroup.err).toBe('docker: Error response from daemon: unable to find group nosuchgroup: no matching entries in group file.\n');
    const wfile = await sh(s, 'docker run --rm -w /etc/passwd busybox pwd');
    expect([wfile.exit, wfile.err]).toEqual([125, "docker: Error response from daemon: Cannot mkdir: /etc/passwd is not a directory.\nSee 'docker run --help'.\n"]);
    expect((await sh(s, 'docker ps -aq')).out).toBe('');
    expect((await sh(s, 'docker run --rm -w /tmp/new/dir busybox pwd')).out).toBe('/tmp/new/dir\n');
    await sh(s, 'docker run -d --name box busybox sleep 300');
    const ex = await sh(s, 'docker exec -u nosuchuser box id');
    expect([ex.exit, ex.out]).toEqual([126, 'unable to find user nosuchuser: no matching entries in passwd file\n']);
    const exw = await sh(s, 'docker exec -w /etc/passwd box pwd');
    expect(exw.exit).toBe(126);
    expect(exw.out).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/etc/passwd") set in config.json failed: not a directory: unknown: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type\n',
    );
    expect((await sh(s, 'docker exec -u 1001:0 box id')).out).toBe('uid=1001 gid=0(root) groups=0(root)\n');
  });

  it('a non-root user meets Permission denied in each tool\'s words; root passes', async () => {
    const s = standinSession();
    await sh(s, 'docker pull busybox');
    const cases: [string, string][] = [
      ['touch /etc/x', 'touch: /etc/x: Permission denied\n'],
      ["sh -c 'echo hi > /etc/motd'", "sh: can't create /etc/motd: Permission denied\n"],
      ['mkdir /data', "mkdir: can't create directory '/data': Permission denied\n"],
      ['rm /etc/passwd', "rm: can't remove '/etc/passwd': Permission denied\n"],
      ['chmod 777 /etc/passwd', 'chmod: /etc/passwd: Operation not permitted\n'],
      ['chown nobody /tmp', 'chown: /tmp: Operation not permitted\n'],
    ];
    for (const [cmd, err] of cases) {
      const r = await sh(s, `docker run --rm -u nobody busybox ${cmd}`);
      expect([cmd, r.exit, r.err]).toEqual([cmd, 1, err]);
    }
    expect((await sh(s, "docker run --rm -u nobody busybox sh -c 'cd /tmp && echo hi > f && ls -l f'")).out).toMatch(/^-rw-r--r-- +1 nobody +nogroup +3 /);
    expect((await sh(s, "docker run --rm busybox sh -c 'touch /etc/x && echo ok'")).out).toBe('ok\n');
  });

  it('USER, COPY --chown and chmod in a Dockerfile: the user may not read 0600 root files nor enter 0700 directories', async () => {
    const s = standinSession();
    await sh(
      s,
      `printf 'FROM busybox\\nRUN echo "app:x:1001:1001::/home/app:/bin/sh" >> /etc/passwd && echo "app:x:1001:" >> /etc/group && mkdir -p /home/app /data/private && chown app:app /home/app && echo s > /data/secret && chmod 600 /data/secret && chmod 700 /data/private\\nWORKDIR /home/app\\nUSER app\\n' > Dockerfile`,
    );
    expect((await sh(s, 'docker build -q -t perm .')).exit).toBe(0);
    expect((await sh(s, 'docker run --rm perm id')).out).toBe('uid=1001(app) gid=1001(app) groups=1001(app)\n');
    expect((await sh(s, 'docker run --rm perm cat /data/secret')).err).toBe("cat: can't open '/data/secret': Permission denied\n");
    const cd = await sh(s, "docker run --rm perm sh -c 'cd /data/private'");
    expect([cd.exit, cd.err]).toEqual([2, "sh: cd: line 0: can't cd to /data/private: Permission denied\n"]);
    expect((await sh(s, "docker run --rm perm sh -c 'echo hi > note && ls -l note'")).out).toMatch(/^-rw-r--r-- +1 app +app /);
    expect((await sh(s, 'docker run --rm -u root perm cat /data/secret')).out).toBe('s\n');
  });

  it('the host: the learner is uid 1000 with names from /etc/passwd; files a container makes in a bind mount are root\'s', async () => {
    const s = standinSession();
    expect((await sh(s, 'id')).out).toBe('uid=1000(learner) gid=1000(learner) groups=1000(learner),4(adm),27(sudo),100(users),999(docker)\n');
    await sh(s, 'mkdir data && touch mine');
    expect((await sh(s, 'ls -l mine')).out).toMatch(/^-rw-r--r-- 1 learner learner 0 /);
    await sh(s, "docker run --rm -v $PWD/data:/data busybox sh -c 'echo x > /data/by-root'");
    expect((await sh(s, 'ls -l data')).out).toMatch(/-rw-r--r-- 1 root root 2 .* by-root\n$/);
    const w = await sh(s, 'echo y >> data/by-root');
    expect([w.exit, w.err]).toEqual([1, 'bash: data/by-root: Permission denied\n']);
  });

  it('Debian and Ubuntu images run GNU tools: GNU ls, procps ps in ubuntu, none in debian until apt-get install procps', async () => {
    const s = learnerSession();
    expect((await sh(s, 'docker run -dit --name ub ubuntu')).exit).toBe(0);
    expect((await sh(s, 'docker exec ub ps')).out).toMatch(/^ {4}PID TTY {10}TIME CMD\n {6}1 pts\/0 {4}00:00:00 bash\n/);
    expect((await sh(s, 'docker exec ub ps aux')).out).toMatch(/^USER {9}PID %CPU %MEM {4}VSZ {3}RSS TTY {6}STAT START {3}TIME COMMAND\nroot {11}1 /);
    expect((await sh(s, 'docker exec ub ls -ld /tmp')).out).toMatch(/^drwxrwxrwt \d+ root root \d+ /);
    expect((await sh(s, 'docker exec ub ls /nope')).err).toBe("ls: cannot access '/nope': No such file or directory\n");
    expect((await sh(s, 'docker run -dit --name deb debian')).exit).toBe(0);
    const none = await sh(s, 'docker exec deb ps');
    expect([none.exit, none.out]).toEqual([126, 'OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown\n']);
    await sh(s, 'docker exec deb apt-get update');
    expect((await sh(s, 'docker exec deb apt-get install -y procps')).exit).toBe(0);
    expect((await sh(s, 'docker exec deb ps -ef')).out).toMatch(/^UID {10}PID {4}PPID {2}C STIME TTY {10}TIME CMD\nroot {11}1 {7}0 {2}0 \d\d:\d\d pts\/0 {4}00:00:00 bash\n/);
  });

  it('a Dockerfile adds its user with useradd (Debian) or adduser (Alpine) and runs as it', async () => {
    const s = learnerSession();
    await sh(s, "printf 'FROM debian\\nRUN useradd -m app\\nUSER app\\nWORKDIR /home/app\\n' > Dockerfile");
    expect((await sh(s, 'docker build -q -t deb-app .')).exit).toBe(0);
    expect((await sh(s, "docker run --rm deb-app sh -c 'id; pwd; touch x && ls -l x'")).out).toMatch(/^uid=1000\(app\) gid=1000\(app\) groups=1000\(app\)\n\/home\/app\n-rw-r--r-- 1 app app 0 /);
    await sh(s, "printf 'FROM alpine\\nRUN adduser -D app\\nUSER app\\n' > Dockerfile");
    expect((await sh(s, 'docker build -q -t alp-app .')).exit).toBe(0);
    expect((await sh(s, 'docker run --rm alp-app id')).out).toBe('uid=1000(app) gid=1000(app) groups=1000(app)\n');
    expect((await sh(s, 'docker run --rm alp-app touch /etc/x')).err).toBe('touch: /etc/x: Permission denied\n');
  });

  it('docker save | gzip and gunzip -c | docker load round-trip on the host', async () => {
    const s = standinSession();
    await sh(s, 'docker pull busybox');
    expect((await sh(s, 'docker save busybox | gzip > busybox.tar.gz && gzip -t busybox.tar.gz && echo ok')).out).toBe('ok\n');
    await sh(s, 'docker rmi busybox');
    const load = await sh(s, 'gunzip -c busybox.tar.gz | docker load');
    expect(load.out).toMatch(/Loaded image: busybox:latest\n$/);
    expect((await sh(s, 'file busybox.tar.gz')).out).toMatch(/^busybox\.tar\.gz: gzip compressed data, from Unix, original size modulo 2\^32 \d+\n$/);
  });
});
