/** vi, vim and nano on the host and in containers: which file the editor host is asked to show, and where there is none. */
import { describe, expect, it } from 'vitest';
import type { EditorHost, EditRequest } from '../../src/api/editor';
import { createSession } from '../../src/runner/session';
import { DEFAULT_CATALOG, sh, standinSession } from './helpers';

/** an editor whose files the learner closes at once */
function closingHost(): { host: EditorHost; requests: EditRequest[] } {
  const requests: EditRequest[] = [];
  return {
    requests,
    host: {
      lang: 'en',
      async open(request) {
        requests.push(request);
        return { notice: `[editing ${request.target.path}]`, closed: Promise.resolve(), detach: async () => {} };
      },
    },
  };
}

describe('editors', () => {
  it('the headless runner has none: one line, exit 1, on the host and in a container', async () => {
    const s = standinSession();
    expect(await sh(s, 'vim Dockerfile')).toMatchObject({
      out: '',
      err: 'vim: there is no editor in this session (the headless runner cannot show files); use cat, echo or a here-document instead\n',
      exit: 1,
    });
    await sh(s, 'docker pull busybox');
    const inBox = await sh(s, 'docker run --rm busybox vi /etc/hosts');
    expect(inBox.err).toBe('vi: there is no editor in this session (the headless runner cannot show files); use cat, echo or a here-document instead\n');
    expect(inBox.exit).toBe(1);
  });

  it("busybox's vi edits the container's file: the host is asked for that container and path", async () => {
    const e = closingHost();
    const s = createSession({ editor: e.host });
    await sh(s, 'docker run -dit --name box busybox');
    const id = (await sh(s, 'docker inspect -f "{{.Id}}" box')).out.trim();
    const r = await sh(s, 'docker exec -it -w /etc box vi hostname');
    expect(r.exit).toBe(0);
    expect(r.out).toBe('[editing /etc/hostname]\n');
    expect(e.requests).toEqual([{ target: { kind: 'container', container: id, path: '/etc/hostname' }, program: 'vi', name: 'hostname', readOnly: false }]);
    // on the host the same program edits the host's file
    expect((await sh(s, 'vim -R notes')).exit).toBe(0);
    expect(e.requests[1]).toEqual({ target: { kind: 'host', path: '/srv/work/notes' }, program: 'vim', name: 'notes', readOnly: true });
  });

  it("nginx's Debian image has no vim until apt-get installs it", async () => {
    const e = closingHost();
    const s = createSession({ editor: e.host, catalogPath: DEFAULT_CATALOG });
    await sh(s, 'docker run -d --name web nginx');
    const missing = await sh(s, "docker exec web bash -c 'vim /etc/nginx/nginx.conf'");
    expect(missing.err).toBe('bash: line 1: vim: command not found\n');
    expect(missing.exit).toBe(127);
    expect(e.requests).toEqual([]);
    await sh(s, 'docker exec web apt-get update');
    expect((await sh(s, 'docker exec web apt-get install -y vim')).exit).toBe(0);
    const r = await sh(s, 'docker exec -it web vim /etc/nginx/nginx.conf');
    expect(r.exit).toBe(0);
    expect(e.requests.map((q) => [q.target.kind, q.target.path, q.program])).toEqual([['container', '/etc/nginx/nginx.conf', 'vim']]);
  });
});
