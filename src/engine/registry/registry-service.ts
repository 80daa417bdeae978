/**
 * The registries the daemon talks to: the simulated Docker Hub (loaded from
 * a HubCatalog, swappable at runtime, with the runner's `hubctl retag/reset`)
 * and, through the simulated network, private registries (distribution/).
 */
import type { ImageSearchResult } from '../../api/image';
import type { HubCatalog } from './catalog';
import { HubRepository, hubUser } from './hub-repository';
import { HubState } from './hub-state';
import type { Credentials } from './remote';
import { SEARCH_ROWS } from './search-data';

export class RegistryService {
  private catalog: HubCatalog;
  hub: HubState;

  constructor(catalog: HubCatalog) {
    this.catalog = catalog;
    this.hub = new HubState(catalog);
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
    return new HubRepository(this.hub, path, hubUser(creds) ?? '');
  }

  /** does the Hub accept these credentials (docker login) */
  hubLogin(creds: Credentials): boolean {
    return hubUser(creds) !== undefined && !!creds.username;
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
