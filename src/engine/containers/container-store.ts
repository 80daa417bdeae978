/**
 * Every container the daemon knows, by ID, with its name index (moby
 * daemon.containers + the name registrar). State only: operations are in ops/.
 *
 * Lookup follows moby's GetContainer: full ID, then exact name, then a unique
 * ID prefix.
 */
import { notFound, systemError } from '../../api/errors';
import type { ContainerRecord } from './container-record';
import { canonicalName, nameConflict, randomName, validateName } from './container-names';
import type { IdSource } from '../core/ids';

export class ContainerStore {
  private readonly byId = new Map<string, ContainerRecord>();
  private readonly byName = new Map<string, string>();
  /** host PIDs handed to container processes */
  private pid = 2000;

  /** in creation order */
  list(): ContainerRecord[] {
    return [...this.byId.values()];
  }

  get(id: string): ContainerRecord | undefined {
    return this.byId.get(id);
  }

  /** GetContainer: full ID, exact name ("web" or "/web"), unique ID prefix */
  find(ref: string): ContainerRecord | undefined {
    if (ref === '') return undefined;
    const exact = this.byId.get(ref);
    if (exact) return exact;
    const byName = this.byName.get(canonicalName(ref));
    if (byName) return this.byId.get(byName);
    if (!/^[a-f0-9]+$/.test(ref)) return undefined;
    const hits = this.list().filter((c) => c.ID.startsWith(ref));
    if (hits.length > 1) throw systemError(`Multiple IDs found with provided prefix: ${ref}`);
    return hits[0];
  }

  /** find() or NotFound "No such container: ref" */
  resolve(ref: string): ContainerRecord {
    const c = this.find(ref);
    if (!c) throw notFound(`No such container: ${ref}`);
    return c;
  }

  add(c: ContainerRecord): void {
    this.byId.set(c.ID, c);
    this.byName.set(c.Name, c.ID);
  }

  delete(id: string): void {
    const c = this.byId.get(id);
    if (!c) return;
    this.byId.delete(id);
    if (this.byName.get(c.Name) === id) this.byName.delete(c.Name);
  }

  /** the container holding a name, if any */
  nameOwner(name: string): string | undefined {
    return this.byName.get(canonicalName(name));
  }

  /** reserve `name` (validated) for `id`; throws the name-conflict error */
  reserveName(name: string, id: string): string {
    validateName(name);
    const canon = canonicalName(name);
    const owner = this.byName.get(canon);
    if (owner && owner !== id) throw nameConflict(canon, owner);
    this.byName.set(canon, id);
    return canon;
  }

  releaseName(name: string): void {
    this.byName.delete(canonicalName(name));
  }

  /** generateNewName: six tries at a free random name, then the short ID */
  generateName(id: string, ids: IdSource): string {
    for (let i = 0; i < 6; i++) {
      const name = `/${randomName(ids, i)}`;
      if (!this.byName.has(name)) {
        this.byName.set(name, id);
        return name;
      }
    }
    const name = `/${id.slice(0, 12)}`;
    this.byName.set(name, id);
    return name;
  }

  /** the last host PID handed out (sandbox snapshots) */
  hostPidCounter(): number {
    return this.pid;
  }

  /** continue host PIDs after `pid` (restoring a snapshot) */
  setHostPidCounter(pid: number): void {
    this.pid = pid;
  }

  nextHostPid(): number {
    this.pid += 1 + (this.pid % 7);
    return this.pid;
  }
}
