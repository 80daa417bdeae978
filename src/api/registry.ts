/** Registry endpoints of the Engine API (POST /auth) and the CLI config file. */
import type { AuthConfig } from './image';

/** POST /auth response */
export interface AuthenticateOKBody {
  IdentityToken: string;
  Status: string;
}

export type { AuthConfig };

/** The Docker Hub's address in ~/.docker/config.json and POST /auth (registry.IndexServer) */
export const INDEX_SERVER = 'https://index.docker.io/v1/';

/** GET /v2/<name>/tags/list of a registry's distribution API */
export interface RegistryTagList {
  /** the repository's path in the registry: "library/nginx", "myapp" */
  name: string;
  tags: string[];
}

/** GET /v2/_catalog of a registry's distribution API */
export interface RegistryCatalog {
  repositories: string[];
}
