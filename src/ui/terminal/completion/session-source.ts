/**
 * The completer's view of a running sandbox: names from the engine client's
 * list calls, files from the host filesystem, the working directory of the
 * terminal's shell.
 */
import { allCommands } from '../../../cli/commands';
import { globalFlags } from '../../../cli/commands/root/global-flags';
import { BUILTINS } from '../../../shell/builtins';
import { HOST_PROGRAMS } from '../../../shell/programs/host-programs';
import type { SandboxSession } from '../../../store/contract';
import type { CompletionSource } from './complete';

const DEFAULT_HOME = '/home/learner';

/** the session may tell the shell's cwd and $HOME directly (optional contract additions) */
interface SessionWithDirs extends SandboxSession {
  cwd?(terminalId: string): string;
  home?(terminalId: string): string;
}

/** the directory shown in a `user@host:DIR$ ` prompt, with ~ expanded */
export function cwdFromPrompt(prompt: string, home: string): string | undefined {
  const m = /^[^@\s]+@[^:\s]+:(.*?)[$#] ?$/.exec(prompt);
  if (!m) return undefined;
  const dir = m[1]!;
  if (dir === '~' || dir.startsWith('~/')) return home + dir.slice(1);
  return dir.startsWith('/') ? dir : undefined;
}

export function sessionSource(session: SandboxSession, terminalId: string): CompletionSource {
  const s = session as SessionWithDirs;
  const home = () => s.home?.(terminalId) ?? DEFAULT_HOME;
  const cwd = () => s.cwd?.(terminalId) ?? cwdFromPrompt(session.prompt(terminalId), home()) ?? home();
  return {
    async containers() {
      const list = await session.client.containerList({ all: true });
      return list.map((c) => ({ name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: c.State }));
    },
    async images() {
      const out: string[] = [];
      for (const img of await session.client.imageList()) {
        for (const tag of img.RepoTags ?? []) {
          if (tag === '<none>:<none>') continue;
          out.push(tag);
          if (tag.endsWith(':latest')) out.push(tag.slice(0, -':latest'.length));
        }
      }
      return out;
    },
    async searchRepositories(prefix) {
      const found = await session.client.imageSearch(prefix, { limit: 25 });
      return found.map((r) => r.name).filter((n) => n.startsWith(prefix));
    },
    async volumes() {
      return (await session.client.volumeList()).Volumes.map((v) => v.Name);
    },
    async networks() {
      return (await session.client.networkList()).map((n) => n.Name);
    },
    listDir(path) {
      try {
        return session.hostFs.readdir(path).map((name) => {
          const full = `${path.replace(/\/$/, '')}/${name}`;
          let dir = false;
          try {
            dir = session.hostFs.stat(full).type === 'dir';
          } catch {
            // a dangling symlink: listed as a file
          }
          return { name, dir };
        });
      } catch {
        return [];
      }
    },
    cwd,
    home,
    commands: () => ['docker', ...Object.keys(BUILTINS), ...Object.keys(HOST_PROGRAMS), 'bash', 'sh'],
    docker: { commands: allCommands, globals: globalFlags(`${home()}/.docker`) },
  };
}
