/** The core utilities (coreutils and busybox's) both flavours share; program-tables.ts lists every tool. */
import type { Program } from '../interpreter/types';
import { echo } from './echo';
import { cat, chmod, cp, ln, mkdir, mv, rm, rmdir, touch } from './files';
import { cut, sort, tr, uniq } from './filter';
import { grep } from './grep';
import { ls } from './ls';
import { basename, clear, date, dirname, env, falseProgram, hostname, pwd, seq, sleep, trueProgram, which, whoami, xargs } from './misc';
import { printf } from './printf';
import { sed } from './sed';
import { tar } from './tar/tar';
import { makeTest } from './test';
import { head, tail, tee, wc } from './text';

export const COREUTILS: Record<string, Program> = {
  cat,
  chmod,
  cp,
  ln,
  mkdir,
  mv,
  rm,
  rmdir,
  touch,
  cut,
  sort,
  tr,
  uniq,
  grep,
  egrep: grep,
  fgrep: grep,
  sed,
  ls,
  head,
  tail,
  tee,
  wc,
  basename,
  dirname,
  date,
  env,
  false: falseProgram,
  true: trueProgram,
  pwd,
  seq,
  sleep,
  which,
  whoami,
  xargs,
  echo,
  printf,
  test: makeTest(false),
  '[': makeTest(true),
  tar,
  hostname,
  clear,
};


