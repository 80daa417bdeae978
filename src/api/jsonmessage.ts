/**
 * The progress stream of pull/push/load/build (moby pkg/jsonmessage): one
 * object per line. `progressDetail` present (even `{}`) means "progress
 * message": the CLI redraws it in place on a terminal.
 */
export interface JSONProgress {
  current?: number;
  total?: number;
  /** unix seconds the transfer started (ETA); unused by the simulator */
  start?: number;
  hidecounts?: boolean;
  units?: string;
}

export interface JSONError {
  code?: number;
  message: string;
}

export interface JSONMessage {
  stream?: string;
  status?: string;
  progressDetail?: JSONProgress;
  /** deprecated: the daemon's own rendering of progressDetail */
  progress?: string;
  id?: string;
  from?: string;
  time?: number;
  timeNano?: number;
  errorDetail?: JSONError;
  /** deprecated: same text as errorDetail.message */
  error?: string;
  aux?: unknown;
}

export type JSONMessageListener = (m: JSONMessage) => void;
