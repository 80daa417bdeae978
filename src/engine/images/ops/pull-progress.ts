/**
 * The JSONMessage sequence of a layer download as dockerd's pull emits it:
 * "Pulling fs layer" / "Waiting" / "Already exists" per layer, then per layer
 * Downloading → Verifying Checksum → Download complete, then in order
 * Extracting → Pull complete. Three downloads run at once, so the fourth
 * layer on starts "Waiting".
 */
import type { JSONMessage } from '../../../api/jsonmessage';

export interface LayerToPull {
  /** 12-hex short form of the compressed blob digest */
  id: string;
  /** compressed size */
  size: number;
  exists: boolean;
}

const MAX_CONCURRENT_DOWNLOADS = 3;

function progress(id: string, status: string, current?: number, total?: number): JSONMessage {
  const detail = current === undefined ? {} : { current, total };
  return { status, progressDetail: detail, id };
}

export function layerStartMessages(layers: LayerToPull[]): JSONMessage[] {
  const out: JSONMessage[] = [];
  let queued = 0;
  for (const l of layers) {
    if (l.exists) {
      out.push(progress(l.id, 'Already exists'));
      continue;
    }
    out.push(progress(l.id, 'Pulling fs layer'));
    if (queued >= MAX_CONCURRENT_DOWNLOADS) out.push(progress(l.id, 'Waiting'));
    queued++;
  }
  return out;
}

export function downloadMessages(l: LayerToPull): JSONMessage[] {
  const out: JSONMessage[] = [];
  if (l.size > 65536) out.push(progress(l.id, 'Downloading', 36410, l.size));
  out.push(progress(l.id, 'Downloading', l.size, l.size));
  out.push(progress(l.id, 'Verifying Checksum'));
  out.push(progress(l.id, 'Download complete'));
  return out;
}

export function extractMessages(l: LayerToPull): JSONMessage[] {
  const out: JSONMessage[] = [];
  if (l.size > 131072) out.push(progress(l.id, 'Extracting', 65536, l.size));
  out.push(progress(l.id, 'Extracting', l.size, l.size));
  out.push(progress(l.id, 'Pull complete'));
  return out;
}
