/**
 * Container filesystem and image archive endpoints (moby client):
 * ContainerDiff, ContainerCommit, ContainerExport, ImageImport, ImageSave,
 * ImageLoad, CopyToContainer, CopyFromContainer, ContainerStatPath,
 * ContainerTop, ContainerStats. Bytes travel as Uint8Array (the real backend
 * streams them). Every method rejects with ClientError.
 */
import type {
  ContainerChange,
  ContainerCommitOptions,
  ContainerPathStat,
  ContainerStatsOptions,
  ContainerTopOKBody,
  CopyFromContainerResult,
  CopyToContainerOptions,
  IDResponse,
  ImageImportOptions,
  ImageImportSource,
  ImageLoadOptions,
} from '../../api/archive';

export interface ArchiveApi {
  /** GET /containers/{id}/changes (docker diff) */
  containerDiff(container: string): Promise<ContainerChange[]>;
  /** POST /commit: the new image ID ("sha256:…") */
  containerCommit(container: string, options: ContainerCommitOptions): Promise<IDResponse>;
  /** GET /containers/{id}/export: the root filesystem as a tar */
  containerExport(container: string): Promise<Uint8Array>;
  /** POST /images/create?fromSrc=: the new image ID ("sha256:…"); `ref` may be "" */
  imageImport(source: ImageImportSource, ref: string, options?: ImageImportOptions): Promise<string>;
  /** GET /images/get: a docker image archive (manifest.json, repositories, layers) */
  imageSave(refs: string[]): Promise<Uint8Array>;
  /** POST /images/load: progress and results through options.onMessage */
  imageLoad(tar: Uint8Array, options?: ImageLoadOptions): Promise<void>;
  /** PUT /containers/{id}/archive: extract a tar into directory `path` */
  copyToContainer(container: string, path: string, content: Uint8Array, options?: CopyToContainerOptions): Promise<void>;
  /** GET /containers/{id}/archive */
  copyFromContainer(container: string, path: string): Promise<CopyFromContainerResult>;
  /** HEAD /containers/{id}/archive */
  containerStatPath(container: string, path: string): Promise<ContainerPathStat>;
  /** GET /containers/{id}/top?ps_args= (default "-ef") */
  containerTop(container: string, psArgs?: string): Promise<ContainerTopOKBody>;
  /** GET /containers/{id}/stats?stream= */
  containerStats(container: string, options: ContainerStatsOptions): Promise<void>;
}
