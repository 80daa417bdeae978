import { describe, expect, it } from 'vitest';
import { keys, line, sh, standinSession } from './helpers';

describe('time and signals in containers', () => {
  it('a loop with sleep writes to the log as simulated time passes', async () => {
    const s = standinSession();
    await sh(s, `docker run -d --name loop busybox sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done'`);
    await sh(s, 'sleep 3');
    const logs = (await sh(s, 'docker logs loop')).out.trim().split('\n');
    expect(logs.slice(0, 4)).toEqual(['tick 1', 'tick 2', 'tick 3', 'tick 4']);
  });

  it('Ctrl-C on a foreground run without -t ends the sh -c loop with 130', async () => {
    const s = standinSession();
    const r = await sh(s, `docker run --name cc ubuntu sh -c 'while true; do echo hello world; sleep 1; done'`, [{ kind: 'wait', seconds: 2 }, keys('\\x03')]);
    expect(r.exit).toBe(130);
    expect((await sh(s, 'docker ps -a --format "{{.Status}}"')).out).toMatch(/^Exited \(130\)/);
  });

  it('docker stop waits 10 s for a sleep as PID 1 (137), a trap makes the shell stop at once', async () => {
    const s = standinSession();
    await sh(s, 'docker run -d --name s1 ubuntu sleep 1000');
    const stop = await sh(s, 'docker stop s1');
    expect(stop.seconds).toBeGreaterThanOrEqual(10);
    expect((await sh(s, "docker inspect -f '{{.State.ExitCode}}' s1")).out).toBe('137\n');
    await sh(s, `docker run -d --name tr busybox sh -c "trap 'echo bye; exit 3' TERM; while true; do sleep 1 & wait \\$!; done"`);
    const quick = await sh(s, 'docker stop tr');
    expect(quick.seconds).toBeLessThan(2);
    expect((await sh(s, "docker inspect -f '{{.State.ExitCode}}' tr")).out).toBe('3\n');
    expect((await sh(s, 'docker logs tr')).out).toBe('bye\n');
  });

  it('restart policy on-failure:2 restarts twice', async () => {
    const s = standinSession();
    await sh(s, `docker run -d --name rp --restart on-failure:2 busybox sh -c 'echo run; exit 3'`);
    await sh(s, 'sleep 5');
    expect((await sh(s, "docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' rp")).out).toBe('2 exited 3\n');
    expect((await sh(s, 'docker logs rp')).out).toBe('run\nrun\nrun\n');
  });

  it('background jobs are processes: ps lists them with their PIDs; kill ends them', async () => {
    const s = standinSession();
    await sh(s, 'docker run -dit --name box busybox');
    const r = await sh(s, `docker exec box sh -c 'sleep 100 & echo $!; ps; kill $!; wait $!; echo status $?'`);
    const [pid] = r.out.split('\n');
    expect(r.out).toContain(`${pid.padStart(5)} root     sleep 100\n`);
    expect(r.out).toMatch(/status 143\n$/);
    expect((await sh(s, 'docker exec box ps')).out).not.toContain('sleep 100');
  });
});

describe('interactive sessions', () => {
  it('run -it bash: prompt, line editing, exit stops the container', async () => {
    const s = standinSession();
    const r = await sh(s, 'docker run -it --name it1 ubuntu bash', [line('echo hellp\x7fo'), line('exit')]);
    expect(r.exit).toBe(0);
    expect(r.out).toMatch(/^root@[0-9a-f]{12}:\/# echo hello\nhello\nroot@[0-9a-f]{12}:\/# exit\nexit\n$/);
    expect((await sh(s, 'docker ps -a --format "{{.Status}}"')).out).toMatch(/^Exited \(0\)/);
  });

  it('exec -it exit leaves the container running; attach detaches with Ctrl-P Ctrl-Q; exit through attach stops it', async () => {
    const s = standinSession();
    await sh(s, 'docker run -dit --name box ubuntu');
    await sh(s, 'docker exec -i box bash', [line('ls'), keys('\\x04')]);
    const ex = await sh(s, 'docker exec -it box bash', [line('ps'), line('exit')]);
    // as in the golden recording: exec'd and forked processes get two-digit PIDs
    expect(ex.out).toMatch(/ {4}1 root {5}\/bin\/bash\n {3}\d\d root {5}bash\n {3}\d\d root {5}ps\n/);
    expect((await sh(s, 'docker ps --format "{{.Status}}"')).out).toMatch(/^Up /);
    const det = await sh(s, 'docker attach box', [keys('\\x10\\x11')]);
    expect(det.exit).toBe(1);
    expect(det.out).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    expect(det.err).toBe('read escape sequence\n');
    const at = await sh(s, 'docker attach box', [line('echo attached'), line('exit')]);
    expect(at.out).toMatch(/^root@[0-9a-f]{12}:\/# echo attached\nattached\n/);
    expect((await sh(s, 'docker ps -a --format "{{.Status}}"')).out).toMatch(/^Exited \(0\)/);
  });

  it('exec -i shows no prompt and a non-terminal stdout; piping into -it fails', async () => {
    const s = standinSession();
    await sh(s, 'docker run -dit --name box ubuntu');
    const r = await sh(s, 'docker exec -i box bash', [line('ls /'), keys('\\x04')]);
    expect(r.out).toMatch(/^ls \/\nbin\ndev\netc\n/);
    const tty = await sh(s, 'echo ls | docker exec -it box bash');
    expect(tty.exit).toBe(1);
    expect(tty.err).toBe('the input device is not a TTY\n');
  });
});
