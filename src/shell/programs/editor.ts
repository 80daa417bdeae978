/**
 * `vi`, `vim` and `nano`: the file opens in the app's editor (an EditorHost,
 * src/api/editor.ts) and the program holds the terminal as a terminal editor
 * would, until the learner closes the file there or presses a key here. On
 * the host the composition root hands the host in; inside a container it
 * comes with the container (ContainerInfo.editor) and the file is edited
 * through the archive API. Without a host (the headless runner) the program
 * says so in one line and ends with 1.
 */
import { EditError, type EditorHost, type EditSession, type EditTarget } from '../../api/editor';
import type { InputStream } from '../../api/io';
import type { Lang, Program, ProgramContext } from '../interpreter/types';
import { isAbortError } from '../interpreter/types';
import { AccessFs } from '../vfs/access-fs';
import { dirName, resolvePath } from '../vfs/path';

interface EditorTexts {
  noEditor(program: string): string;
  noFile(program: string): string;
}

const TEXTS: Record<Lang, EditorTexts> = {
  en: {
    noEditor: (p) => `${p}: there is no editor in this session (the headless runner cannot show files); use cat, echo or a here-document instead\n`,
    noFile: (p) => `${p}: name the file to edit, for example: ${p} Dockerfile\n`,
  },
  zh: {
    noEditor: (p) => `${p}：当前会话没有编辑器（无界面运行器无法显示文件）；请改用 cat、echo 或 here-document\n`,
    noFile: (p) => `${p}：请指定要编辑的文件，例如：${p} Dockerfile\n`,
  },
};

/** the program's language: its environment's locale (LANG=zh_CN.UTF-8 vim …), as a real program reads it */
function localeOf(ctx: ProgramContext): Lang {
  const l = ctx.env.LC_ALL || ctx.env.LC_MESSAGES || ctx.env.LANG;
  return l ? (l.startsWith('zh') ? 'zh' : 'en') : ctx.lang;
}

/** the files named on the command line and whether -R (read-only) was given; other options are accepted and ignored */
export function editorOperands(args: readonly string[]): { files: string[]; readOnly: boolean } {
  const files: string[] = [];
  let readOnly = false;
  let options = true;
  for (const a of args) {
    if (options && a === '--') {
      options = false;
      continue;
    }
    if (options && a.length > 1 && (a.startsWith('-') || a.startsWith('+'))) {
      if (/^-[A-Za-z]*R/.test(a) && !a.startsWith('--')) readOnly = true;
      continue;
    }
    files.push(a);
  }
  return { files, readOnly };
}

/** read one chunk from the terminal (a key), raw while waiting; rejects with an AbortError when `signal` aborts */
async function waitForKey(stdin: InputStream, signal: AbortSignal): Promise<void> {
  const previous = stdin.isTTY ? stdin.setMode?.('raw') : undefined;
  try {
    // an aborted read consumes nothing (src/api/io.ts): the key goes to whoever reads next
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }));
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      stdin.read(signal).then(
        () => resolve(),
        (e: unknown) => reject(e),
      );
    });
  } finally {
    if (previous !== undefined) stdin.setMode?.(previous);
  }
}

export function makeEditor(host?: EditorHost): Program {
  return async (ctx: ProgramContext) => {
    const name = ctx.argv[0].slice(ctx.argv[0].lastIndexOf('/') + 1);
    const editor = host ?? ctx.container?.editor;
    const t = TEXTS[editor?.lang ?? localeOf(ctx)];
    if (!editor) {
      ctx.io.stderr.write(t.noEditor(name));
      return 1;
    }
    const { files, readOnly } = editorOperands(ctx.argv.slice(1));
    if (files.length === 0) {
      ctx.io.stderr.write(t.noFile(name));
      return 1;
    }
    const containerId = ctx.container?.id;
    const target = (file: string): EditTarget => {
      const path = resolvePath(ctx.cwd, file);
      return containerId !== undefined && host === undefined ? { kind: 'container', container: containerId, path } : { kind: 'host', path };
    };
    // a file the user may not write opens read-only, as vim marks it [readonly] (sudo vim … may write it)
    const writable = (path: string) => (ctx.fs.exists(path) ? AccessFs.allows(ctx.fs, path, 2) : AccessFs.allows(ctx.fs, dirName(path), 3));
    const sessions: EditSession[] = [];
    for (const file of files) {
      try {
        const t = target(file);
        sessions.push(await editor.open({ target: t, program: name, name: file, readOnly: readOnly || !writable(t.path) }));
      } catch (e) {
        ctx.io.stderr.write(`${e instanceof EditError || e instanceof Error ? e.message : String(e)}\n`);
        await Promise.all(sessions.map((s) => s.detach()));
        return 1;
      }
    }
    for (const s of sessions) ctx.io.stdout.write(`${s.notice}\n`);

    const stop = new AbortController();
    const onInterrupt = () => stop.abort();
    ctx.io.interrupt.addEventListener('abort', onInterrupt, { once: true });
    let status = 0;
    try {
      const closed = Promise.all(sessions.map((s) => s.closed)).then(() => 'closed' as const);
      const key = waitForKey(ctx.io.stdin, stop.signal).then(() => 'key' as const);
      // an aborted wait for a key is how the close or Ctrl-C ends it
      key.catch(() => {});
      const how = await Promise.race([closed, key, new Promise<'interrupt'>((r) => stop.signal.addEventListener('abort', () => r('interrupt'), { once: true }))]);
      if (how === 'interrupt' && ctx.io.interrupt.aborted) status = 130;
    } catch (e) {
      if (!isAbortError(e)) throw e;
      status = 130;
    } finally {
      ctx.io.interrupt.removeEventListener('abort', onInterrupt);
      stop.abort();
      await Promise.all(sessions.map((s) => s.detach()));
    }
    return status;
  };
}
