import { describe, expect, it } from 'vitest';
import { EditError, type EditorHost, type EditRequest } from '../../api/editor';
import { CollectOutput } from '../io/streams';
import { hostShell, run, settle } from '../testing/harness';
import { TerminalInput } from '../tty';
import { editorOperands, makeEditor } from './editor';

/** an editor host that records what it was asked and lets the test close the files */
function fakeHost(lang: 'en' | 'zh' = 'en') {
  const requests: EditRequest[] = [];
  const closers: (() => void)[] = [];
  let detached = 0;
  const host: EditorHost = {
    lang,
    async open(request) {
      if (request.target.path.endsWith('/dir')) throw new EditError(`"${request.target.path}" is a directory`);
      requests.push(request);
      let close!: () => void;
      const closed = new Promise<void>((r) => (close = r));
      closers.push(close);
      return {
        notice: `editing ${request.target.path}`,
        closed,
        detach: async () => {
          detached++;
        },
      };
    },
  };
  return { host, requests, closeAll: () => {
      for (const c of closers) c();
    }, detached: () => detached };
}

function terminalIO() {
  let echoed = '';
  const stdin = new TerminalInput({ echo: (s) => (echoed += s), interrupt: () => {} });
  const out = new CollectOutput(true, 80);
  const controller = new AbortController();
  return { io: { stdin, stdout: out, stderr: out, interrupt: controller.signal }, stdin, out, controller, echoed: () => echoed };
}

describe('vi, vim, nano', () => {
  it('say in one line that there is no editor, and end with 1, where nobody shows files (the headless runner)', async () => {
    const { sh } = hostShell({ vim: makeEditor(), nano: makeEditor() });
    const r = await run(sh, 'vim Dockerfile');
    expect(r).toEqual({ out: '', err: 'vim: there is no editor in this session (the headless runner cannot show files); use cat, echo or a here-document instead\n', status: 1 });
    const zh = await run(sh, 'LANG=zh_CN.UTF-8 nano x');
    expect(zh.err).toBe('nano：当前会话没有编辑器（无界面运行器无法显示文件）；请改用 cat、echo 或 here-document\n');
    expect(zh.status).toBe(1);
  });

  it('open the file, relative to the working directory, and wait until the learner closes it', async () => {
    const h = fakeHost();
    const { sh } = hostShell({ vim: makeEditor(h.host) });
    const t = terminalIO();
    let status: number | undefined;
    const p = sh.run('cd /tmp && vim -n +3 app/Dockerfile', t.io).then((s) => (status = s));
    await settle();
    expect(h.requests).toEqual([{ target: { kind: 'host', path: '/tmp/app/Dockerfile' }, program: 'vim', name: 'app/Dockerfile', readOnly: false }]);
    expect(t.out.text()).toBe('editing /tmp/app/Dockerfile\n');
    expect(status).toBeUndefined();
    // while it waits the terminal is raw: a key is not echoed
    expect(t.stdin.getMode()).toBe('raw');
    h.closeAll();
    await p;
    expect(status).toBe(0);
    expect(t.stdin.getMode()).toBe('cooked');
    expect(h.detached()).toBe(1);
  });

  it('hand the terminal back at a key, writing what was typed so far (detach)', async () => {
    const h = fakeHost();
    const { sh } = hostShell({ nano: makeEditor(h.host) });
    const t = terminalIO();
    let status: number | undefined;
    const p = sh.run('nano -R notes.txt', t.io).then((s) => (status = s));
    await settle();
    expect(h.requests[0]?.readOnly).toBe(true);
    t.stdin.type('q');
    await p;
    expect(status).toBe(0);
    expect(h.detached()).toBe(1);
    expect(t.echoed()).toBe('');
  });

  it('end with 130 when the job is interrupted', async () => {
    const h = fakeHost();
    const { sh } = hostShell({ vi: makeEditor(h.host) });
    const t = terminalIO();
    const p = sh.run('vi a b', t.io);
    await settle();
    expect(h.requests.map((r) => r.target.path)).toEqual(['/root/a', '/root/b']);
    t.controller.abort();
    expect(await p).toBe(130);
    expect(h.detached()).toBe(2);
  });

  it('print the host refusal and end with 1; without a file name say how to name one (learner language)', async () => {
    const h = fakeHost('zh');
    const { sh } = hostShell({ vim: makeEditor(h.host) });
    expect(await run(sh, 'vim /tmp/dir')).toEqual({ out: '', err: '"/tmp/dir" is a directory\n', status: 1 });
    expect(await run(sh, 'vim')).toEqual({ out: '', err: 'vim：请指定要编辑的文件，例如：vim Dockerfile\n', status: 1 });
  });

  it('take the files among options as vim and nano do', () => {
    expect(editorOperands(['-R', '+10', '--', '-odd'])).toEqual({ files: ['-odd'], readOnly: true });
    expect(editorOperands(['-w', 'a', 'b'])).toEqual({ files: ['a', 'b'], readOnly: false });
    expect(editorOperands(['-'])).toEqual({ files: ['-'], readOnly: false });
  });
});
