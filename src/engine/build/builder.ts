/**
 * The legacy builder's evaluation loop (moby builder/dockerfile builder.go
 * dispatchDockerfileWithCancellation + evaluator.go dispatch): "Step n/m : …"
 * for every meta ARG, FROM and instruction, " ---> <id>" after each, ONBUILD
 * triggers of a base image, variable expansion, intermediate containers
 * removed after each step (--rm / --force-rm).
 */
import { BuildArgs } from './build-args';
import { BuildError } from './build-error';
import type { SourceTree } from './context/source-tree';
import { dispatchCopy } from './copy/dispatch-copy';
import { dispatchMetadata } from './dispatch-meta';
import { dispatchRun } from './dispatch-run';
import { type Instruction, parseInstruction, type ParsedStages, type Stage } from '../../lib/dockerfile/instructions';
import { parseDockerfile } from '../../lib/dockerfile/parser';
import { platformParseError } from './platform';
import { processWord } from './shell-lex';
import { fromTree, getImage, type ImageSourceOptions, type StageResults } from './stage-sources';
import { removeStepContainers, type StepRunner } from './steps';
import { copyRunConfig, type DispatchState, emptyRunConfig, newState, setDefaultPath, updateRunConfig } from './state';

export interface Builder extends StepRunner {
  context: SourceTree | undefined;
  sources: ImageSourceOptions;
  stages: StageResults;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

function expandInstruction(c: Instruction, ex: (w: string) => string): Instruction {
  switch (c.kind) {
    case 'env':
      return { ...c, env: c.env.map((kv) => ({ key: ex(kv.key), value: ex(kv.value) })) };
    case 'label':
      return c.noExpand ? c : { ...c, labels: c.labels.map((kv) => ({ key: ex(kv.key), value: ex(kv.value) })) };
    case 'add':
    case 'copy':
      return { ...c, chown: ex(c.chown), srcDest: c.srcDest.map(ex) };
    case 'workdir':
      return { ...c, path: ex(c.path) };
    case 'user':
      return { ...c, user: ex(c.user) };
    case 'volume':
      return { ...c, volumes: c.volumes.map(ex) };
    case 'stopsignal':
      return { ...c, signal: ex(c.signal) };
    case 'arg':
      return { ...c, args: c.args.map((a) => ({ key: ex(a.key), value: a.value === undefined ? undefined : ex(a.value) })) };
    default:
      return c;
  }
}

/** evaluator dispatch(): expand, run the instruction, remove the step's containers */
export async function dispatch(b: Builder, state: DispatchState, cmd: Instruction): Promise<void> {
  const env = state.runConfig.Env ?? [];
  const envs = [...env, ...state.buildArgs.filterAllowed(env)];
  let c: Instruction;
  try {
    c = expandInstruction(cmd, (w) => processWord(w, envs, b.escapeToken));
  } catch (err) {
    throw new BuildError(err instanceof Error ? err.message : String(err));
  }
  let failed = true;
  try {
    if (c.kind === 'run') await dispatchRun(b, state, c);
    else if (c.kind === 'add' || c.kind === 'copy') {
      await dispatchCopy(b, state, c, { context: b.context, fromTree: (from) => fromTree(b, b.stages, from, b.sources) });
    } else dispatchMetadata(b, state, c, envs);
    failed = false;
  } finally {
    if (b.options.forceRemove || (b.options.remove && !failed)) removeStepContainers(b);
  }
}

async function initializeStage(b: Builder, state: DispatchState, stage: Stage): Promise<void> {
  b.prober.reset();
  const metaEnv = [...state.buildArgs.allMeta()].map(([k, v]) => `${k}=${v}`);
  const expand = (w: string, what = '') => {
    try {
      return processWord(w, metaEnv, b.escapeToken);
    } catch (err) {
      throw new BuildError(`${what}${err instanceof Error ? err.message : String(err)}`);
    }
  };
  if (stage.platform !== '') {
    const platform = expand(stage.platform, 'failed to process arguments for platform : ');
    const bad = platformParseError(platform);
    if (bad) throw new BuildError(`failed to parse platform ${platform}: ${bad}`);
  }
  const name = expand(stage.baseName);
  if (name === '') throw new BuildError(`base name (${stage.baseName}) should not be blank`);
  state.stageName = stage.name;
  state.hasBase = true;
  const byStage = b.stages.byName(name);
  if ((name === 'scratch' && !byStage) || (byStage && !byStage.Image)) {
    state.imageId = '';
    state.runConfig = emptyRunConfig();
  } else {
    const image = await getImage(b, byStage ? byStage.Image : name, Boolean(byStage), b.sources);
    state.imageId = image.id;
    state.runConfig = image.config.config ? copyRunConfig({ ...emptyRunConfig(), ...image.config.config }) : emptyRunConfig();
  }
  setDefaultPath(state.runConfig);
  state.runConfig.OpenStdin = false;
  state.runConfig.StdinOnce = false;
  const triggers = state.runConfig.OnBuild ?? [];
  if (triggers.length > 0) {
    state.runConfig.OnBuild = null;
    b.out.stdout(`# Executing ${triggers.length} build trigger${triggers.length > 1 ? 's' : ''}\n`);
    for (const trigger of triggers) {
      updateRunConfig(state);
      const parsed = parseDockerfile(trigger);
      if (parsed.nodes.length !== 1) throw new BuildError('onbuild trigger should be a single expression');
      const cmd = parseInstruction(parsed.nodes[0] as (typeof parsed.nodes)[number]);
      if (!('kind' in cmd)) throw new BuildError("FROM isn't allowed as an ONBUILD trigger");
      await dispatch(b, state, cmd);
    }
  }
}

export interface BuildResult {
  state: DispatchState;
}

/** run every stage; returns the last stage's state (its imageId is the build's result) */
export async function dispatchStages(
  b: Builder,
  parsed: ParsedStages,
  buildArgsFromOptions: ReadonlyMap<string, string | null>,
): Promise<DispatchState> {
  const buildArgs = new BuildArgs(buildArgsFromOptions);
  const total = parsed.metaArgs.length + parsed.stages.length + parsed.stages.reduce((n, s) => n + s.commands.length, 0);
  let step = 1;
  const print = (code: string) => b.out.stdout(`Step ${step++}/${total} : ${code}\n`);
  for (const meta of parsed.metaArgs) {
    print(meta.code);
    const env = [...buildArgs.allAllowed()].map(([k, v]) => `${k}=${v}`);
    for (const a of meta.args) {
      let key: string;
      let value: string | undefined;
      try {
        key = processWord(a.key, env, b.escapeToken);
        value = a.value === undefined ? undefined : processWord(a.value, env, b.escapeToken);
      } catch (err) {
        throw new BuildError(err instanceof Error ? err.message : String(err));
      }
      buildArgs.addArg(key, value);
      buildArgs.addMetaArg(key, value);
    }
  }
  let state = newState(buildArgs);
  for (const stage of parsed.stages) {
    b.stages.checkNameAvailable(stage.name);
    state = newState(buildArgs);
    print(stage.sourceCode);
    await initializeStage(b, state, stage);
    updateRunConfig(state);
    b.out.stdout(` ---> ${short(state.imageId)}\n`);
    for (const cmd of stage.commands) {
      if (b.signal?.aborted) {
        b.out.stdout('Build cancelled\n');
        throw new BuildError('Build cancelled');
      }
      print(cmd.code);
      await dispatch(b, state, cmd);
      updateRunConfig(state);
      b.out.stdout(` ---> ${short(state.imageId)}\n`);
    }
    if (state.imageId) b.out.aux(state.imageId);
    buildArgs.mergeReferenced(state.buildArgs);
    b.stages.commit(state.stageName, state.runConfig);
  }
  b.out.stdout(buildArgs.unusedWarning());
  return state;
}
