/** Filter names, labels and command words that are Object.prototype members reach no JS object. */
import { describe, expect, it } from 'vitest';
import { dockerIn } from '../../src/runner/docker-exec';
import { createSession } from '../../src/runner/session';

async function docker(s: ReturnType<typeof createSession>, ...args: string[]) {
  const r = await dockerIn(s, args);
  return { exit: r.exit, out: r.stdout.replace(/\r/g, ''), err: r.stderr.replace(/\r/g, '') };
}

describe('Object.prototype names in the docker CLI', () => {
  it('filter names: Invalid filter, as the daemon says of any unknown one', async () => {
    const s = createSession();
    for (const [args, key] of [
      [['ps', '-f', '__proto__=x'], '__proto__'],
      [['ps', '-f', 'constructor=x'], 'constructor'],
      [['images', '-f', 'toString=1'], 'tostring'],
      [['volume', 'ls', '-f', 'valueOf=1'], 'valueof'],
      [['network', 'prune', '-f', '--filter', 'constructor=exited'], 'constructor'],
      [['system', 'prune', '-f', '--filter', '__proto__=1'], '__proto__'],
    ] as const) {
      expect(await docker(s, ...args), args.join(' ')).toEqual({ exit: 1, out: '', err: `Error response from daemon: Invalid filter '${key}'\n` });
    }
  });

  it('labels named __proto__ or constructor are kept and matched like others', async () => {
    const s = createSession();
    expect((await docker(s, 'run', '-d', '-l', '__proto__=x', '-l', 'constructor=y', '--name', 'lab', 'busybox', 'true')).exit).toBe(0);
    expect((await docker(s, 'run', '-d', '--name', 'plain', 'busybox', 'true')).exit).toBe(0);
    expect((await docker(s, 'inspect', '-f', '{{json .Config.Labels}}', 'lab')).out).toBe('{"__proto__":"x","constructor":"y"}\n');
    expect((await docker(s, 'ps', '-a', '-f', 'label=constructor', '--format', '{{.Names}}')).out).toBe('lab\n');
    expect((await docker(s, 'ps', '-a', '-f', 'label=toString', '--format', '{{.Names}}')).out).toBe('');
    expect((await docker(s, 'ps', '-a', '-f', 'label=__proto__=x', '--format', '{{.Names}} {{.Labels}}')).out).toBe('lab __proto__=x,constructor=y\n');
    expect((await docker(s, 'commit', '-c', 'LABEL __proto__=1', 'lab', 'x:1')).exit).toBe(0);
    expect((await docker(s, 'image', 'inspect', '-f', '{{json .Config.Labels}}', 'x:1')).out).toBe('{"__proto__":"1","constructor":"y"}\n');
  });

  it('command words: unknown commands', async () => {
    const s = createSession();
    const r = await docker(s, 'constructor');
    expect(r.exit).toBe(1);
    expect(r.err).toContain("docker: 'constructor' is not a docker command.");
  });
});
