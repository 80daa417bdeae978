/**
 * Image and registry endpoints (moby client): ImageList, ImagePull, ImagePush,
 * ImageTag, ImageRemove, ImageInspectWithRaw, ImageHistory, ImagesPrune,
 * ImageSearch, RegistryLogin. Streams (pull/push) deliver JSONMessages through
 * onMessage; an error after the stream began arrives as a message with
 * errorDetail (like the real API), before it as a rejected ClientError.
 */
import type {
  AuthConfig,
  HistoryResponseItem,
  ImageDeleteResponseItem,
  ImageInspect,
  ImageListOptions,
  ImageRemoveOptions,
  ImageSearchOptions,
  ImageSearchResult,
  ImagesPruneReport,
  ImageSummary,
} from '../../api/image';
import type { JSONMessageListener } from '../../api/jsonmessage';
import type { AuthenticateOKBody } from '../../api/registry';

export interface ImagePullOptions {
  /** X-Registry-Auth: credentials for the image's registry */
  auth?: AuthConfig;
  platform?: string;
  onMessage: JSONMessageListener;
}

export interface ImagePushOptions {
  auth?: AuthConfig;
  onMessage: JSONMessageListener;
}

export interface ImageApi {
  /** GET /images/json */
  imageList(options?: ImageListOptions): Promise<ImageSummary[]>;
  /** POST /images/create?fromImage=: `ref` as normalized by the CLI ("docker.io/library/ubuntu:18.04") */
  imagePull(ref: string, options: ImagePullOptions): Promise<void>;
  /** POST /images/{name}/push */
  imagePush(ref: string, options: ImagePushOptions): Promise<void>;
  /** POST /images/{name}/tag */
  imageTag(source: string, target: string): Promise<void>;
  /** DELETE /images/{name} */
  imageRemove(image: string, options?: ImageRemoveOptions): Promise<ImageDeleteResponseItem[]>;
  /** GET /images/{name}/json */
  imageInspect(image: string): Promise<ImageInspect>;
  /** GET /images/{name}/history */
  imageHistory(image: string): Promise<HistoryResponseItem[]>;
  /** POST /images/prune */
  imagesPrune(filters?: Record<string, string[]>): Promise<ImagesPruneReport>;
  /** GET /images/search */
  imageSearch(term: string, options?: ImageSearchOptions): Promise<ImageSearchResult[]>;
  /** POST /auth */
  registryLogin(auth: AuthConfig): Promise<AuthenticateOKBody>;
}
