/**
 * Container filesystem and image archive endpoints (moby client):
 * ContainerDiff, ContainerCommit, ContainerExport, ImageImport, ImageSave,
 * ImageLoad, CopyToContainer, CopyFromContainer, ContainerStatPath,
 * ContainerTop, ContainerStats. Archives travel as Content: bytes, or a lazy
 * content from the simulator (a `docker save` of large synthetic files costs
 * its headers); the real backend streams bytes. Every method rejects with
 * ClientError.
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
import type { Content } from '../../api/fs';

export interface ArchiveApi {
  /** GET /containers/{id}/changes (docker diff) */
  containerDiff(container: string): Promise<ContainerChange[]>;
  /** POST /commit: the new image ID ("sha256:…") */
  containerCommit(container: string, options: ContainerCommitOptions): Promise<IDResponse>;
  /** GET /containers/{id}/export: the root filesystem as a tar */
  containerExport(container: string): Promise<Content>;
  /** POST /images/create?fromSrc=: the new image ID ("sha256:…"); `ref` may be "" */
  imageImport(source: ImageImportSource, ref: string, options?: ImageImportOptions): Promise<string>;
  /** GET /images/get: a docker image archive (manifest.json, repositories, layers) */
  imageSave(refs: string[]): Promise<Content>;
  /** POST /images/load: progress and results through options.onMessage */
  imageLoad(tar: Content, options?: ImageLoadOptions): Promise<void>;
  /** PUT /containers/{id}/archive: extract a tar into directory `path` */
  copyToContainer(container: string, path: string, content: Content, options?: CopyToContainerOptions): Promise<void>;
  /** GET /containers/{id}/archive */
  copyFromContainer(container: string, path: string): Promise<CopyFromContainerResult>;
  /** HEAD /containers/{id}/archive */
  containerStatPath(container: string, path: string): Promise<ContainerPathStat>;
  /** GET /containers/{id}/top?ps_args= (default "-ef") */
  containerTop(container: string, psArgs?: string): Promise<ContainerTopOKBody>;
  /** GET /containers/{id}/stats?stream= */
  containerStats(container: string, options: ContainerStatsOptions): Promise<void>;
}
