/**
 * The operations of the typed-operation protocol: one per EngineClient method
 * (plus `hostHttp` for its host network), each with the zod tuple of its wire
 * arguments and how it runs:
 * - `call`: arguments in, one result out;
 * - `stream`: arguments in, `event` frames (JSON messages, log chunks, engine
 *   events, stats) until the result; the client may `cancel` (AbortSignal);
 * - `io`: an exec or attach: the server asks for stdin (`read`), sends output
 *   (`out`), takes `resize` and `interrupt` (Ctrl-C), until the result.
 * Callbacks, AbortSignals and ProcessIO never travel: the wire arguments are
 * the method's data arguments only (see client.ts for the mapping).
 */
import { z } from 'zod';
import { authConfig, bool, bytes, content, filters, list, ref, str, strict, strList } from './schemas/common';
import { containerConfig, execConfig, hostConfig, networkingConfig, updateConfig } from './schemas/container-config';
import * as b from './schemas/other-bodies';

export type OpKind = 'call' | 'stream' | 'io';

interface OpSpec {
  kind: OpKind;
  args: z.ZodType<unknown[]>;
}

const call = (...items: z.ZodType[]): OpSpec => ({ kind: 'call', args: z.tuple(items as [z.ZodType, ...z.ZodType[]]) as never });
const stream = (...items: z.ZodType[]): OpSpec => ({ kind: 'stream', args: z.tuple(items as [z.ZodType, ...z.ZodType[]]) as never });
const io = (...items: z.ZodType[]): OpSpec => ({ kind: 'io', args: z.tuple(items as [z.ZodType, ...z.ZodType[]]) as never });
const none: OpSpec = { kind: 'call', args: z.tuple([]) as never };
/** an argument the caller may leave out: undefined, or null once JSON has carried it */
const opt = <T extends z.ZodType>(s: T) => s.nullish();
const timeout = opt(z.number().int().min(-1).max(86400));

export const OPERATIONS = {
  // images
  imageList: call(opt(b.imageListOptions)),
  imagePull: stream(ref, b.imagePullOptions),
  imagePush: stream(ref, b.imagePushOptions),
  imageTag: call(ref, ref),
  imageRemove: call(ref, opt(b.imageRemoveOptions)),
  imageInspect: call(ref),
  imageHistory: call(ref),
  imagesPrune: call(opt(filters)),
  imageSearch: call(str, opt(b.imageSearchOptions)),
  registryLogin: call(authConfig),
  // containers
  containerCreate: call(containerConfig, opt(hostConfig), opt(networkingConfig), str),
  containerStart: call(ref),
  containerStop: call(ref, timeout),
  containerKill: call(ref, opt(str)),
  containerRestart: call(ref, timeout),
  containerPause: call(ref),
  containerUnpause: call(ref),
  containerRemove: call(ref, opt(b.containerRemoveOptions)),
  containersPrune: call(opt(filters)),
  containerRename: call(ref, str),
  containerWait: stream(ref, opt(b.waitCondition)),
  containerLogs: stream(ref, b.containerLogsOptions),
  containerList: call(opt(b.containerListOptions)),
  containerInspect: call(ref, opt(strict({ size: opt(bool) }))),
  containerExecCreate: call(ref, execConfig),
  containerExecStart: io(ref, b.ioInfo),
  containerExecInspect: call(ref),
  containerUpdate: call(ref, updateConfig),
  containerAttach: io(ref, b.attachOptions, b.ioInfo),
  // archive
  containerDiff: call(ref),
  containerCommit: call(ref, b.commitOptions),
  containerExport: call(ref),
  imageImport: stream(b.importSource, str, opt(b.importOptions)),
  imageSave: call(strList),
  imageLoad: stream(content, opt(b.loadOptions)),
  copyToContainer: call(ref, str, content, opt(b.copyToOptions)),
  copyFromContainer: call(ref, str),
  containerStatPath: call(ref, str),
  containerTop: call(ref, opt(str)),
  containerStats: stream(ref, b.statsOptions),
  // volumes
  volumeCreate: call(b.volumeCreateBody),
  volumeList: call(opt(filters)),
  volumeInspect: call(ref),
  volumeRemove: call(ref, opt(bool)),
  volumesPrune: call(opt(filters)),
  // networks
  networkCreate: call(b.networkCreateRequest),
  networkList: call(opt(filters)),
  networkInspect: call(ref),
  networkRemove: call(ref),
  networksPrune: call(opt(filters)),
  networkConnect: call(ref, b.networkConnectRequest),
  networkDisconnect: call(ref, str, opt(bool)),
  // system
  info: none,
  serverVersion: none,
  diskUsage: none,
  events: stream(b.eventsOptions),
  ping: none,
  // the session daemon as the learner's docker.service (daemon-api.ts): stop; start with their daemon.json
  daemonStop: none,
  daemonStart: call(opt(z.string().max(64 * 1024))),
  // build
  imageBuild: stream(content, b.buildOptions),
  // what a registry holds (its distribution API)
  registryTags: call(ref),
  registryCatalog: call(str),
  // the learner's host network (curl localhost:80)
  hostHttp: call(b.httpRequest),
  // the session's workspace on the server (bind mount sources): a tar extracted under a host path, a path removed
  workspaceWrite: call(str, bytes),
  workspaceRemove: call(str),
  workspaceDiff: call(list(str)),
} satisfies Record<string, OpSpec>;

export type OpName = keyof typeof OPERATIONS;
export const OP_NAMES = Object.keys(OPERATIONS) as OpName[];

export function isOpName(x: unknown): x is OpName {
  return typeof x === 'string' && Object.hasOwn(OPERATIONS, x);
}
