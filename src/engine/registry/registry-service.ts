/**
 * The registries the daemon talks to: the simulated Docker Hub (loaded from
 * a HubCatalog, swappable at runtime, with the runner's `hubctl retag/reset`)
 * and, through the simulated network, private registries (distribution/).
 */
import type { ImageSearchResult } from '../../api/image';
import type { HubCatalog } from './catalog';
import { accountsAuth, type HubAuth, sharedPasswordAuth } from './hub-auth';
import { HubRepository } from './hub-repository';
import { HubState } from './hub-state';
import type { Credentials } from './remote';
import { SEARCH_ROWS } from './search-data';

export interface RegistryServiceOptions {
  /** the Hub keeps accounts made on first login (the learner's app); default: the stand-in's one password */
  hubAccounts?: boolean;
}

export class RegistryService {
  private catalog: HubCatalog;
  hub: HubState;
  /** who the Hub lets in (survives reset and catalog changes) */
  auth: HubAuth;

  constructor(catalog: HubCatalog, opts: RegistryServiceOptions = {}) {
    this.catalog = catalog;
    this.hub = new HubState(catalog);
    this.auth = opts.hubAccounts ? accountsAuth() : sharedPasswordAuth();
  }

  /** restore the Hub's accounts (a sandbox snapshot); no-op for the stand-in's rule */
  restoreAccounts(accounts: [string, string][]): void {
    if (this.auth.accounts() !== undefined) this.auth = accountsAuth(accounts);
  }

  /** the catalog the Hub was loaded from (sandbox snapshots store only what differs from it) */
  catalogInUse(): HubCatalog {
    return this.catalog;
  }

  /** serve another catalog from now on (pushed repositories are dropped) */
  setCatalog(catalog: HubCatalog): void {
    this.catalog = catalog;
    this.hub = new HubState(catalog);
  }

  /** `hubctl reset`: back to the catalog as loaded */
  reset(): void {
    this.hub = new HubState(this.catalog);
  }

  /** `hubctl retag library/mongo 3.2-fidelity-next 3.2`: point a tag at another tag's manifest */
  retag(repo: string, fromTag: string, toTag: string): void {
    const r = this.hub.repo(repo);
    const digest = r?.tags.get(fromTag);
    if (!r || !digest) throw new Error(`no such tag: ${repo}:${fromTag}`);
    r.tags.set(toTag, digest);
  }

  /** a Hub repository ("library/ubuntu") as seen with these credentials */
  hubRepository(path: string, creds?: Credentials): HubRepository {
    return new HubRepository(this.hub, path, this.auth.user(creds) ?? '');
  }

  /** does the Hub accept these credentials (docker login) */
  hubLogin(creds: Credentials): boolean {
    return this.auth.login(creds);
  }

  /** the Hub's /v1/search: term matched in the name, canned rows then pushed user repositories */
  hubSearch(term: string, limit: number): ImageSearchResult[] {
    const rows: ImageSearchResult[] = [...SEARCH_ROWS];
    for (const name of [...this.hub.repos.keys()].sort()) {
      if (name.startsWith('library/')) continue;
      rows.push({ star_count: 0, is_official: false, name, is_automated: false, description: '' });
    }
    const t = term.toLowerCase();
    return rows.filter((r) => r.name.toLowerCase().includes(t)).slice(0, limit);
  }
}
