/** ImageApi on a real engine: the Go client's requests, built by the server. */
import { ClientError } from '../../api/errors';
import type { ImageApi } from '../../client/api/images';
import { call } from '../../client/errors';
import { familiarName, InvalidReferenceError, parseNormalizedNamed } from '../../lib/reference';
import { registryAuthHeader } from './auth';
import { type EngineContext, filtersParam, seg } from './engine-context';
import { readJsonLines } from './transport';

/** name and tag of a reference as the Go client splits it for the query */
function nameAndTag(ref: string): { name: string; tag: string } {
  const r = parseNormalizedNamed(ref);
  return { name: familiarName(r), tag: r.digest ?? r.tag ?? '' };
}

export function imageClient({ t }: EngineContext): ImageApi {
  return {
    imageList: (o = {}) =>
      call(() => t.json('GET', '/images/json', { query: { all: o.all ? '1' : undefined, filters: filtersParam(o.filters) } })),
    imagePull: (ref, o) =>
      call(async () => {
        const { name, tag } = nameAndTag(ref);
        const res = await t.stream('POST', '/images/create', {
          query: { fromImage: name, tag, platform: o.platform || undefined },
          headers: registryAuthHeader(o.auth),
        });
        await readJsonLines(res, (m) => o.onMessage(m as never));
      }),
    imagePush: (ref, o) =>
      call(async () => {
        const { name, tag } = nameAndTag(ref);
        const res = await t.stream('POST', `/images/${seg(name)}/push`, { query: { tag }, headers: registryAuthHeader(o.auth) });
        await readJsonLines(res, (m) => o.onMessage(m as never));
      }),
    imageTag: async (source, target) => {
      let name: string;
      let tag: string;
      try {
        const r = parseNormalizedNamed(target);
        if (r.digest) throw new ClientError('InvalidParameter', 'refusing to create a tag with a digest reference', '');
        name = familiarName(r);
        tag = r.tag ?? '';
      } catch (err) {
        if (err instanceof InvalidReferenceError) {
          const msg = `Error parsing reference: "${target}" is not a valid repository/tag: ${err.message}`;
          throw new ClientError('InvalidParameter', msg, msg);
        }
        throw err;
      }
      return call(() => t.json('POST', `/images/${seg(source)}/tag`, { query: { repo: name, tag } }));
    },
    imageRemove: (image, o = {}) =>
      call(() => t.json('DELETE', `/images/${seg(image)}`, { query: { force: o.force ? '1' : undefined, noprune: o.noPrune ? '1' : undefined } }), {
        object: 'image',
        id: image,
      }),
    imageInspect: (image) => call(() => t.json('GET', `/images/${seg(image)}/json`), { object: 'image', id: image }),
    imageHistory: (image) => call(() => t.json('GET', `/images/${seg(image)}/history`), { object: 'image', id: image }),
    imagesPrune: (filters) => call(() => t.json('POST', '/images/prune', { query: { filters: filtersParam(filters) } })),
    imageSearch: (term, o = {}) =>
      call(() =>
        t.json('GET', '/images/search', {
          query: { term, limit: o.limit || undefined, filters: filtersParam(o.filters) },
          headers: registryAuthHeader(o.auth),
        }),
      ),
    registryLogin: (auth) => call(() => t.json('POST', '/auth', { body: cleanLogin(auth) })),
  };
}

function cleanLogin(a: { username?: string; password?: string; serveraddress?: string; email?: string; auth?: string }) {
  return { username: a.username, password: a.password, serveraddress: a.serveraddress, email: a.email, auth: a.auth };
}
