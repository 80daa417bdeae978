/**
 * POST /build (moby client ImageBuild): the context tar goes up, the build's
 * JSONMessages come back through onMessage. An error before the stream began
 * rejects with ClientError ("Error response from daemon: dockerfile parse
 * error line 2: unknown instruction: RUNN"); a later one arrives as the
 * stream's errorDetail message (code = the failing RUN's exit status).
 */
import type { ImageBuildOptions, ImageBuildResponse } from '../../api/build';
import type { Content } from '../../api/fs';
import type { JSONMessage } from '../../api/jsonmessage';

export interface BuildApi {
  imageBuild(
    context: Content,
    options: ImageBuildOptions,
    onMessage: (m: JSONMessage) => void,
    signal?: AbortSignal,
  ): Promise<ImageBuildResponse>;
}
