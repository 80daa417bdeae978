/** BuildApi over the in-process engine: errors split into HTTP-style and in-stream ones like dockerd's. */
import type { AuthConfig } from '../../api/image';
import type { JSONMessage } from '../../api/jsonmessage';
import type { Engine } from '../../engine/engine';
import { BuildError } from '../../engine/build/build-error';
import { buildImage } from '../../engine/build/ops/build';
import type { BuildApi } from '../api/build';
import { toClientError } from '../errors';

function credentials(auth: AuthConfig | undefined): { username?: string; password?: string } | undefined {
  if (!auth) return undefined;
  if (auth.username) return { username: auth.username, password: auth.password };
  if (auth.auth) {
    const decoded = atob(auth.auth);
    const i = decoded.indexOf(':');
    return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
  }
  return undefined;
}

/** registry.ResolveAuthConfig: Docker Hub's credentials are stored under its v1 index address */
function authFor(configs: Record<string, AuthConfig> | undefined, domain: string): AuthConfig | undefined {
  if (!configs) return undefined;
  if (domain === 'docker.io') return configs['https://index.docker.io/v1/'] ?? configs['index.docker.io'] ?? configs['docker.io'];
  for (const [k, v] of Object.entries(configs)) {
    if (k.replace(/^https?:\/\//, '').replace(/\/.*$/, '') === domain) return v;
  }
  return undefined;
}

export function buildClient(engine: Engine): BuildApi {
  return {
    async imageBuild(context, options, onMessage, signal) {
      let started = false;
      const emit = (m: JSONMessage) => {
        started = true;
        onMessage(m);
      };
      try {
        await buildImage(
          engine,
          {
            context,
            dockerfile: options.dockerfile,
            tags: options.tags,
            buildArgs: options.buildArgs,
            labels: options.labels,
            noCache: options.noCache,
            remove: options.remove,
            forceRemove: options.forceRemove,
            pullParent: options.pullParent,
            suppressOutput: options.suppressOutput,
            target: options.target,
            networkMode: options.networkMode,
            platform: options.platform,
            credentials: (domain) => credentials(authFor(options.authConfigs, domain)),
          },
          emit,
          signal,
        );
      } catch (err) {
        if (!started) throw toClientError(err instanceof BuildError ? new Error(err.message) : err);
        const message = err instanceof Error ? err.message : String(err);
        const code = err instanceof BuildError ? err.code : undefined;
        onMessage({ errorDetail: code !== undefined ? { code, message } : { message }, error: message });
      }
      return { OSType: 'linux' };
    },
  };
}
