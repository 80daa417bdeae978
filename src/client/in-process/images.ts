/** ImageApi over the in-process engine, errors translated like moby's Go client. */
import { ClientError } from '../../api/errors';
import type { Engine } from '../../engine/engine';
import { imageHistory } from '../../engine/images/ops/history';
import { inspectImage } from '../../engine/images/ops/inspect';
import { listImages } from '../../engine/images/ops/list';
import { pruneImages } from '../../engine/images/ops/prune';
import { pullImage } from '../../engine/images/ops/pull';
import { pushImage } from '../../engine/images/ops/push';
import { removeImage } from '../../engine/images/ops/remove';
import { resolveImage } from '../../engine/images/ops/resolve';
import { tagImage } from '../../engine/images/ops/tag';
import { registryLogin } from '../../engine/registry/ops/login';
import { searchImages } from '../../engine/registry/ops/search';
import { InvalidReferenceError, parseNormalizedNamed } from '../../lib/reference';
import type { ImageApi } from '../api/images';
import { call } from '../errors';
import { credentials, stream } from './stream';

export function imageClient(engine: Engine): ImageApi {
  return {
    imageList: (options) => call(() => listImages(engine, options)),
    imagePull: (ref, options) =>
      stream(options.onMessage, (emit) => pullImage(engine, ref, { auth: credentials(options.auth), onMessage: emit })),
    imagePush: (ref, options) =>
      stream(options.onMessage, (emit) => pushImage(engine, ref, { auth: credentials(options.auth), onMessage: emit })),
    imageTag: async (source, target) => {
      try {
        const ref = parseNormalizedNamed(target);
        if (ref.digest) throw new ClientError('InvalidParameter', 'refusing to create a tag with a digest reference', '');
      } catch (err) {
        if (err instanceof InvalidReferenceError) {
          const msg = `Error parsing reference: "${target}" is not a valid repository/tag: ${err.message}`;
          throw new ClientError('InvalidParameter', msg, msg);
        }
        throw err;
      }
      return call(() => tagImage(engine, resolveImage(engine, source).id, target));
    },
    imageRemove: (image, options) => call(() => removeImage(engine, image, options), { object: 'image', id: image }),
    imageInspect: (image) => call(() => inspectImage(engine, image), { object: 'image', id: image }),
    imageHistory: (image) => call(() => imageHistory(engine, image), { object: 'image', id: image }),
    imagesPrune: (filters) => call(() => pruneImages(engine, filters)),
    imageSearch: (term, options) => call(() => searchImages(engine, term, options)),
    registryLogin: (auth) => call(() => registryLogin(engine, auth)),
  };
}
