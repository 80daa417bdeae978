/**
 * Volume endpoints (moby client): VolumeCreate, VolumeList, VolumeInspect,
 * VolumeRemove, VolumesPrune. Every method rejects with ClientError; an
 * unknown volume is "Error: No such volume: x".
 */
import type { FilterArgs, Volume, VolumeCreateBody, VolumeListResponse, VolumesPruneReport } from '../../api/volume';

export interface VolumeApi {
  /** POST /volumes/create */
  volumeCreate(body: VolumeCreateBody): Promise<Volume>;
  /** GET /volumes */
  volumeList(filters?: FilterArgs): Promise<VolumeListResponse>;
  /** GET /volumes/{name} */
  volumeInspect(name: string): Promise<Volume>;
  /** DELETE /volumes/{name}?force= */
  volumeRemove(name: string, force?: boolean): Promise<void>;
  /** POST /volumes/prune */
  volumesPrune(filters?: FilterArgs): Promise<VolumesPruneReport>;
}
