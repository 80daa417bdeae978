/**
 * Who the simulated Docker Hub lets in. Two rules, chosen when the engine is
 * made:
 * - the fidelity kit's stand-in Hub (the runner): any user name with the one
 *   password "dockerpassword";
 * - accounts (the learner's app): the first `docker login` with a new Docker
 *   ID creates that account with the password typed, later logins and pushes
 *   must give that password, as on the real Hub once you have signed up. A
 *   Docker ID is 4 to 30 lowercase letters and digits (the Hub's rule); a login
 *   with any other name is refused like a wrong password.
 */
import type { Credentials } from './remote';

export const HUB_PASSWORD = 'dockerpassword';

const DOCKER_ID = /^[a-z0-9]{4,30}$/;

export interface HubAuth {
  /** the user the credentials authenticate: '' anonymous (no user name), undefined refused */
  user(creds: Credentials | undefined): string | undefined;
  /** POST /auth: may these credentials log in (an account may be made for them) */
  login(creds: Credentials): boolean;
  /** the accounts as data (sandbox snapshots); undefined for the shared-password rule */
  accounts(): [user: string, password: string][] | undefined;
}

/** the stand-in Hub: any user, one password */
export function sharedPasswordAuth(): HubAuth {
  const user = (creds: Credentials | undefined) => {
    if (!creds?.username) return '';
    return creds.password === HUB_PASSWORD ? creds.username : undefined;
  };
  return {
    user,
    login: (creds) => !!creds.username && user(creds) !== undefined,
    accounts: () => undefined,
  };
}

/** the learner's Hub: accounts made on first login */
export function accountsAuth(initial: Iterable<[string, string]> = []): HubAuth {
  const accounts = new Map<string, string>(initial);
  const user = (creds: Credentials | undefined) => {
    if (!creds?.username) return '';
    const pw = accounts.get(creds.username);
    return pw !== undefined && pw === creds.password ? creds.username : undefined;
  };
  return {
    user,
    login(creds) {
      const name = creds.username ?? '';
      if (!accounts.has(name)) {
        if (!DOCKER_ID.test(name) || !creds.password) return false;
        accounts.set(name, creds.password);
      }
      return user(creds) !== undefined;
    },
    accounts: () => [...accounts],
  };
}
