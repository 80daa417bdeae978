/**
 * The registries the daemon talks to: the simulated Docker Hub (loaded from
 * a HubCatalog, swappable at runtime, with the runner's `hubctl retag/reset`)
 * and, through the simulated network, private registries (distribution/).
 *
 * The catalog may come later than the engine (the web app fetches it while the
 * page starts): given as a loader, it is loaded on first use of the Hub, and
 * every operation that reaches the Hub awaits hubReady() first. A restored
 * sandbox's Hub content waits as an overlay until then.
 */
import type { ImageSearchResult } from '../../api/image';
import type { HubCatalog } from './catalog';
import { accountsAuth, type HubAuth, sharedPasswordAuth } from './hub-auth';
import { HubRepository } from './hub-repository';
import { type HubOverlay, HubState } from './hub-state';
import type { Credentials } from './remote';
import { SEARCH_ROWS } from './search-data';

export interface RegistryServiceOptions {
  /** the Hub keeps accounts made on first login (the learner's app); default: the stand-in's one password */
  hubAccounts?: boolean;
}

/** a catalog, or a loader of one (called once, on first use of the Hub; again after a failure) */
export type CatalogSource = HubCatalog | (() => Promise<HubCatalog>);

export class RegistryService {
  private catalog: HubCatalog | undefined;
  private state: HubState | undefined;
  private readonly load: (() => Promise<HubCatalog>) | undefined;
  private loading: Promise<void> | undefined;
  /** a restored Hub's content, while the catalog is not loaded */
  private pending: HubOverlay | undefined;
  /** who the Hub lets in (survives reset and catalog changes) */
  auth: HubAuth;

  constructor(source: CatalogSource, opts: RegistryServiceOptions = {}) {
    if (typeof source === 'function') this.load = source;
    else this.serveCatalog(source);
    this.auth = opts.hubAccounts ? accountsAuth() : sharedPasswordAuth();
  }

  /** the Hub's storage; only once loaded (await hubReady() in operations) */
  get hub(): HubState {
    if (!this.state) throw new Error('the Docker Hub catalog is not loaded yet');
    return this.state;
  }

  hubLoaded(): boolean {
    return this.state !== undefined;
  }

  /** resolves once the Hub is loaded; rejects when its catalog cannot be had (a later call tries again) */
  hubReady(): Promise<void> {
    if (this.state) return Promise.resolve();
    const load = this.load;
    if (!load) return Promise.reject(new Error('no Docker Hub catalog'));
    this.loading ??= load().then(
      (catalog) => {
        this.loading = undefined;
        if (!this.state) this.serveCatalog(catalog);
      },
      (err: unknown) => {
        this.loading = undefined;
        throw err;
      },
    );
    return this.loading;
  }

  private serveCatalog(catalog: HubCatalog): void {
    this.catalog = catalog;
    this.state = new HubState(catalog);
    if (this.pending) this.state.apply(this.pending);
    this.pending = undefined;
  }

  /** put a restored sandbox's Hub content in place (now, or once the catalog is loaded) */
  restoreHub(overlay: HubOverlay): void {
    if (this.state) this.state.apply(overlay);
    else this.pending = overlay;
  }

  /** the restored content still waiting for the catalog (snapshots keep it as it is) */
  pendingOverlay(): HubOverlay | undefined {
    return this.state ? undefined : this.pending;
  }

  /** restore the Hub's accounts (a sandbox snapshot); no-op for the stand-in's rule */
  restoreAccounts(accounts: [string, string][]): void {
    if (this.auth.accounts() !== undefined) this.auth = accountsAuth(accounts);
  }

  /** the catalog the Hub was loaded from (sandbox snapshots store only what differs from it) */
  catalogInUse(): HubCatalog {
    if (!this.catalog) throw new Error('the Docker Hub catalog is not loaded yet');
    return this.catalog;
  }

  /** serve another catalog from now on (pushed repositories are dropped) */
  setCatalog(catalog: HubCatalog): void {
    this.pending = undefined;
    this.serveCatalog(catalog);
  }

  /** `hubctl reset`: back to the catalog as loaded */
  reset(): void {
    this.pending = undefined;
    if (this.catalog) this.serveCatalog(this.catalog);
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

  /**
   * The Hub's /v1/search: term matched in the name, canned rows then the user
   * repositories (the catalog's with their description and stars, pushed ones
   * with none and 0 stars)
   */
  hubSearch(term: string, limit: number): ImageSearchResult[] {
    const rows: ImageSearchResult[] = [...SEARCH_ROWS];
    const known = this.catalog?.search ?? {};
    for (const name of [...this.hub.repos.keys()].sort()) {
      if (name.startsWith('library/')) continue;
      const entry = Object.hasOwn(known, name) ? known[name] : undefined;
      rows.push({ star_count: entry?.star_count ?? 0, is_official: false, name, is_automated: false, description: entry?.description ?? '' });
    }
    const t = term.toLowerCase();
    return rows.filter((r) => r.name.toLowerCase().includes(t)).slice(0, limit);
  }
}
