/**
 * The builder's per-stage state (moby dispatchState): the run config that
 * becomes the image's Config, the current image, ARG values, and the helpers
 * that derive the container config of each step from it.
 */
import type { ContainerConfig } from '../../api/image';
import { emptyContainerConfig } from '../images/image-config';
import type { BuildArgs } from './build-args';
import { setOwn } from '../../lib/own';

export const DEFAULT_SHELL = ['/bin/sh', '-c'];
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** the run config: a container.Config with Go's empty values where unset */
export type RunConfig = ContainerConfig;

export interface DispatchState {
  runConfig: RunConfig;
  maintainer: string;
  cmdSet: boolean;
  /** current image ID ("sha256:…"), '' for FROM scratch before the first commit */
  imageId: string;
  /** FROM scratch: true once the stage began */
  hasBase: boolean;
  stageName: string;
  buildArgs: BuildArgs;
}

export function newState(args: BuildArgs): DispatchState {
  const buildArgs = args.clone();
  buildArgs.resetAllowed();
  return { runConfig: emptyRunConfig(), maintainer: '', cmdSet: false, imageId: '', hasBase: false, stageName: '', buildArgs };
}

/** the zero container.Config a build starts from (the same value images use) */
export function emptyRunConfig(): RunConfig {
  return emptyContainerConfig();
}

/**
 * the maps of a config that no one changes in place (LABEL, EXPOSE, VOLUME and
 * the engine's container config make new ones): copies share them, since
 * `EXPOSE 1-65535` makes one of 65,535 keys, slow to copy at every step
 */
const SHARED_MAPS = new Set(['ExposedPorts', 'Volumes', 'Labels']);

/** copyRunConfig: a deep copy (its maps shared: SHARED_MAPS), then the modifiers */
export function copyRunConfig(c: RunConfig, ...mods: ((c: RunConfig) => void)[]): RunConfig {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (v === undefined) continue;
    setOwn(out, k, SHARED_MAPS.has(k) || v === null || typeof v !== 'object' ? v : JSON.parse(JSON.stringify(v)));
  }
  const copy = out as unknown as RunConfig;
  for (const m of mods) m(copy);
  return copy;
}

/** getShell: SHELL's value or /bin/sh -c */
export function getShell(c: RunConfig): string[] {
  return c.Shell && c.Shell.length > 0 ? [...c.Shell] : [...DEFAULT_SHELL];
}

/** withCmdComment: Cmd = shell + ["#(nop) ", comment] (two words: history shows two spaces) */
export const withCmdComment = (comment: string) => (c: RunConfig) => {
  c.Cmd = [...getShell(c), '#(nop) ', comment];
};

/** withCmdCommentString: Cmd = shell + ["#(nop) comment"] (WORKDIR, COPY, ADD) */
export const withCmdCommentString = (comment: string) => (c: RunConfig) => {
  c.Cmd = [...getShell(c), `#(nop) ${comment}`];
};

/** updateRunConfig: the config's Image follows the current image */
export function updateRunConfig(s: DispatchState): void {
  s.runConfig.Image = s.imageId;
}

/** setDefaultPath: PATH=… added when the image sets none */
export function setDefaultPath(c: RunConfig): void {
  const env = c.Env ?? [];
  if (!env.some((e) => e === 'PATH' || e.startsWith('PATH='))) c.Env = [...env, `PATH=${DEFAULT_PATH}`];
}
