/** BuildApi over the in-process engine: errors split into HTTP-style and in-stream ones like dockerd's. */
import type { AuthConfig } from '../../api/image';
import type { Engine } from '../../engine/engine';
import { BuildError } from '../../engine/build/build-error';
import { buildImage } from '../../engine/build/ops/build';
import type { BuildApi } from '../api/build';
import { credentials, stream } from './stream';

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
      await stream(
        onMessage,
        (emit) =>
          buildImage(
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
          ),
        // the CLI's exit status for a failing RUN
        (err) => (err instanceof BuildError ? err.code : undefined),
      );
      return { OSType: 'linux' };
    },
  };
}
