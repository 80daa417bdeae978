/**
 * POST /build (Engine API v1.41, moby types.ImageBuildOptions) as the docker
 * CLI sends it with the legacy builder (BuilderV1). The response is a stream
 * of JSONMessages: {"stream": "Step 1/2 : FROM nginx\n"}, pull progress,
 * {"aux": {"ID": "sha256:…"}} per finished stage, errors as errorDetail
 * (code = a failing RUN's exit status).
 */
import type { AuthConfig } from './image';

export interface ImageBuildOptions {
  /** -t: "name:tag" references to tag the result with */
  tags?: string[];
  /** -f: the Dockerfile's path inside the context ("Dockerfile" when empty) */
  dockerfile?: string;
  /** --build-arg: null when given as a bare name that is not set in the CLI's environment */
  buildArgs?: Record<string, string | null>;
  /** --label */
  labels?: Record<string, string>;
  /** --no-cache */
  noCache?: boolean;
  /** --rm (default true) */
  remove?: boolean;
  /** --force-rm */
  forceRemove?: boolean;
  /** --pull */
  pullParent?: boolean;
  /** -q: only the image ID is sent back on success */
  suppressOutput?: boolean;
  /** --target */
  target?: string;
  /** --network (RUN containers' network mode) */
  networkMode?: string;
  /** --platform */
  platform?: string;
  /** X-Registry-Config: credentials by registry server address ("https://index.docker.io/v1/") */
  authConfigs?: Record<string, AuthConfig>;
}

/** the decoded {"aux": …} of a build stream (types.BuildResult) */
export interface BuildResult {
  ID: string;
}

/** what POST /build answers besides its stream */
export interface ImageBuildResponse {
  OSType: string;
}
