/**
 * Which tools exist, by name: one implementation each, run in busybox's words
 * as an applet (resolve.ts wraps them) or in GNU's (the host, images that ship
 * coreutils/procps/findutils/gzip/diffutils/iproute2/net-tools/file).
 */
import type { Program } from '../interpreter/types';
import { awk } from './awk/awk';
import { base64, checksum } from './checksum';
import { chgrp, chown } from './chown';
import { diff } from './diff';
import { du } from './du';
import { expr } from './expr';
import { file } from './file';
import { find } from './find';
import { gunzip, gzip, zcat } from './gzip';
import { COREUTILS } from './coreutils';
import { install } from './install';
import { ifconfig, ip } from './netinfo';
import { free, ps, top } from './procs';
import { cmp, fold, groups, logname, mktemp, nproc, pidof, printenv, strings, sync, timeout, truncate, tty, uptime, usleep } from './small-tools';
import { stat } from './stat';
import { addgroup, adduser, groupadd, useradd } from './useradd';
import { df, gnuDf, id, kill, uname } from './sysinfo';
import { nl, paste, readlink, realpath, rev, tac, yes } from './text-tools';

/** tools busybox and the GNU packages both provide */
const SHARED: Record<string, Program> = {
  ...COREUTILS,
  chown,
  chgrp,
  find,
  awk,
  gzip,
  gunzip,
  zcat,
  diff,
  du,
  stat,
  md5sum: checksum,
  sha1sum: checksum,
  sha256sum: checksum,
  sha512sum: checksum,
  base64,
  tac,
  rev,
  nl,
  paste,
  yes,
  realpath,
  readlink,
  expr,
  ps,
  top,
  free,
  ip,
  ifconfig,
  id,
  uname,
  kill,
  nproc,
  uptime,
  tty,
  printenv,
  groups,
  logname,
  cmp,
  mktemp,
  pidof,
  timeout,
  sync,
  truncate,
  fold,
};

export const BUSYBOX_APPLETS: Record<string, Program> = { ...SHARED, df, usleep, strings, adduser, addgroup };

export const GNU_BINARIES: Record<string, Program> = { ...SHARED, install, df: gnuDf, file, strings, mawk: awk, gawk: awk, useradd, groupadd };
