/** Registry credentials as the Engine API takes them: base64url JSON in X-Registry-Auth / base64 JSON in X-Registry-Config. */
import type { AuthConfig } from '../../api/image';

const AUTH_FIELDS = ['username', 'password', 'auth', 'email', 'serveraddress', 'identitytoken', 'registrytoken'] as const;

/** only the AuthConfig fields the API knows, rebuilt */
export function cleanAuth(a: AuthConfig | undefined): AuthConfig {
  const out: AuthConfig = {};
  for (const k of AUTH_FIELDS) if (a?.[k] !== undefined) out[k] = a[k];
  return out;
}

export function registryAuthHeader(a: AuthConfig | undefined): Record<string, string> {
  const b64 = Buffer.from(JSON.stringify(cleanAuth(a))).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  return { 'X-Registry-Auth': b64 };
}

export function registryConfigHeader(configs: Record<string, AuthConfig> | undefined): Record<string, string> {
  const clean: Record<string, AuthConfig> = {};
  for (const [k, v] of Object.entries(configs ?? {})) clean[k] = cleanAuth(v);
  return { 'X-Registry-Config': Buffer.from(JSON.stringify(clean)).toString('base64') };
}
