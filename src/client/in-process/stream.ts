/** What the streaming image endpoints (pull, push, build) share: registry credentials and the JSON message stream. */
import type { AuthConfig } from '../../api/image';
import type { JSONMessage, JSONMessageListener } from '../../api/jsonmessage';
import { toClientError } from '../errors';

/** an AuthConfig as the engine takes it (the base64 `auth` field decoded) */
export function credentials(auth: AuthConfig | undefined): { username?: string; password?: string } | undefined {
  if (!auth) return undefined;
  if (auth.username) return { username: auth.username, password: auth.password };
  if (auth.auth) {
    const decoded = atob(auth.auth);
    const i = decoded.indexOf(':');
    return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
  }
  return undefined;
}

/**
 * Run a streaming endpoint: messages go to the listener; an error before the
 * first message rejects (HTTP error status), after it becomes the stream's
 * final error message (with the `code` `codeOf` finds for it, if any).
 */
export async function stream(
  onMessage: JSONMessageListener,
  fn: (emit: (m: JSONMessage) => void) => Promise<unknown>,
  codeOf: (err: unknown) => number | undefined = () => undefined,
): Promise<void> {
  let started = false;
  const emit = (m: JSONMessage) => {
    started = true;
    onMessage(m);
  };
  try {
    await fn(emit);
  } catch (err) {
    if (!started) throw toClientError(err);
    const message = err instanceof Error ? err.message : String(err);
    const code = codeOf(err);
    onMessage({ errorDetail: code !== undefined ? { code, message } : { message }, error: message });
  }
}
