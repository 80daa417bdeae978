/**
 * Container endpoints (moby client): ContainerCreate, ContainerStart,
 * ContainerStop, ContainerKill, ContainerRestart, ContainerPause/Unpause,
 * ContainerRemove, ContainersPrune, ContainerRename, ContainerWait,
 * ContainerLogs, ContainerList, ContainerInspect, ContainerExecCreate /
 * ExecStart / ExecInspect, ContainerAttach. Every method rejects with
 * ClientError. Like the Go client, only Inspect, Remove and Logs turn a 404
 * into "Error: No such container: x"; the others show
 * "Error response from daemon: No such container: x".
 */
import type {
  AttachOptions,
  AttachResult,
  ContainerConfig,
  ContainerCreateResponse,
  ContainerJSON,
  ContainerListOptions,
  ContainerLogsOptions,
  ContainerRemoveOptions,
  ContainersPruneReport,
  ContainerSummary,
  ContainerUpdateConfig,
  ContainerWaitResponse,
  ExecConfig,
  ExecInspect,
  HostConfig,
  LogChunk,
  NetworkingConfig,
  WaitCondition,
} from '../../api/container';
import type { ProcessIO } from '../../api/io';
import type { FilterArgs } from '../../api/volume';

export interface ContainerApi {
  /** POST /containers/create?name= ('' = a random name) */
  containerCreate(
    config: Partial<ContainerConfig>,
    hostConfig: Partial<HostConfig> | undefined,
    networkingConfig: NetworkingConfig | undefined,
    name: string,
  ): Promise<ContainerCreateResponse>;
  /** POST /containers/{id}/start (a running container is not an error) */
  containerStart(container: string): Promise<void>;
  /** POST /containers/{id}/stop?t= (seconds; undefined = the container's own or 10) */
  containerStop(container: string, timeout?: number): Promise<void>;
  /** POST /containers/{id}/kill?signal= ("KILL" by default) */
  containerKill(container: string, signal?: string): Promise<void>;
  /** POST /containers/{id}/restart?t= */
  containerRestart(container: string, timeout?: number): Promise<void>;
  containerPause(container: string): Promise<void>;
  containerUnpause(container: string): Promise<void>;
  /** DELETE /containers/{id}?force=&v= */
  containerRemove(container: string, options?: ContainerRemoveOptions): Promise<void>;
  /** POST /containers/prune */
  containersPrune(filters?: FilterArgs): Promise<ContainersPruneReport>;
  /** POST /containers/{id}/rename?name= */
  containerRename(container: string, newName: string): Promise<void>;
  /** POST /containers/{id}/wait?condition= ; rejects with AbortError when `signal` aborts */
  containerWait(container: string, condition?: WaitCondition, signal?: AbortSignal): Promise<ContainerWaitResponse>;
  /** GET /containers/{id}/logs: chunks through onChunk; with follow, until the container stops or `signal` aborts */
  containerLogs(container: string, options: ContainerLogsOptions, onChunk: (chunk: LogChunk) => void, signal?: AbortSignal): Promise<void>;
  /** GET /containers/json */
  containerList(options?: ContainerListOptions): Promise<ContainerSummary[]>;
  /** GET /containers/{id}/json?size= */
  containerInspect(container: string, options?: { size?: boolean }): Promise<ContainerJSON>;
  /** POST /containers/{id}/exec */
  containerExecCreate(container: string, config: ExecConfig): Promise<{ Id: string }>;
  /** POST /exec/{id}/start: streams through `io` until the process ends, the detach keys, or `signal` */
  containerExecStart(execId: string, io: ProcessIO, signal?: AbortSignal): Promise<AttachResult>;
  /** GET /exec/{id}/json */
  containerExecInspect(execId: string): Promise<ExecInspect>;
  /** POST /containers/{id}/update */
  containerUpdate(container: string, update: ContainerUpdateConfig): Promise<{ Warnings: string[] }>;
  /** POST /containers/{id}/attach: streams through `io` until the container's output ends, the detach keys, or `signal` */
  containerAttach(container: string, options: AttachOptions, io: ProcessIO, signal?: AbortSignal): Promise<AttachResult>;
}
