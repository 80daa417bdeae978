/**
 * RUN (moby dispatchRun): the command runs in a real container of the
 * current image, its output streams into the build output, a non-zero exit
 * fails the build with "The command '…' returned a non-zero code: N", and the
 * container's writable layer becomes the step's image.
 */
import { BuildError } from './build-error';
import type { Instruction } from '../../lib/dockerfile/instructions';
import { resolveCmdLine } from './dispatch-meta';
import { commitContainer, createStepContainer, probeCache, runStepContainer, type StepRunner } from './steps';
import { copyRunConfig, type DispatchState } from './state';
import type { BuildArgs } from './build-args';

/** prependEnvOnCmd: "|N K=V …" in front of the command when build args are visible */
function prependEnvOnCmd(args: BuildArgs, vars: string[], cmd: string[]): string[] {
  const kept = vars.filter((e) => args.isReferencedOrNotBuiltin(e.split('=')[0] as string)).sort();
  return [`|${kept.length}`, ...kept, ...cmd];
}

/** runc starting a process in an empty root filesystem (FROM scratch before any file): a path is stat'ed, a name looked up in $PATH */
function emptyRootExecError(exe: string): string {
  const why = exe.includes('/') ? `stat ${exe}: no such file or directory` : 'executable file not found in $PATH';
  return `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${exe}": ${why}: unknown`;
}

export async function dispatchRun(b: StepRunner, state: DispatchState, c: Extract<Instruction, { kind: 'run' }>): Promise<void> {
  if (c.flagsUsed.length > 0) {
    throw new BuildError(
      `the --${c.flagsUsed[0]} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled`,
    );
  }
  const rc = state.runConfig;
  const cmd = resolveCmdLine(c.cmdLine, c.prependShell, state) ?? [];
  const buildArgs = state.buildArgs.filterAllowed(rc.Env);
  const saveCmd = buildArgs.length > 0 ? prependEnvOnCmd(state.buildArgs, buildArgs, cmd) : cmd;

  const probeConfig = copyRunConfig(rc, (x) => {
    x.Cmd = saveCmd;
    delete x.ArgsEscaped;
    if (saveCmd.length > 0) x.Entrypoint = null;
  });
  if (probeCache(b, state, probeConfig)) return;

  const runConfig = copyRunConfig(rc, (x) => {
    x.Cmd = cmd;
    delete x.ArgsEscaped;
    x.Env = [...(rc.Env ?? []), ...buildArgs];
    if (saveCmd.length > 0) x.Entrypoint = [''];
    x.Healthcheck = { Test: ['NONE'] };
  });
  // the entrypoint [""] resets the image's: the command runs as it is
  const ep = runConfig.Entrypoint && !(runConfig.Entrypoint.length === 1 && runConfig.Entrypoint[0] === '') ? runConfig.Entrypoint : [];
  if (!runConfig.Image && ep.length === 0 && cmd.length === 0) {
    // the create itself fails (getEntrypointAndArgs): no container, no " ---> Running in"
    throw new BuildError('No command specified');
  }
  const id = createStepContainer(b, runConfig);
  if (!b.engine.containers.get(id)) throw new BuildError(emptyRootExecError(ep[0] ?? cmd[0] ?? ''));
  const status = await runStepContainer(b, id);
  if (status !== 0) {
    throw new BuildError(`The command '${cmd.join(' ')}' returned a non-zero code: ${status}`, status);
  }
  commitContainer(b, state, id, probeConfig);
}
