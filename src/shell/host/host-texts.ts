/** Texts of the host's system programs that are the sandbox's own (not systemd's or sudo's), in English and Chinese. */
import type { Lang } from '../interpreter/types';

export interface HostTexts {
  /** a subcommand or option the simulated program does not have */
  unsupported: (program: string, what: string) => string;
}

const en: HostTexts = {
  unsupported: (program, what) => `${program}: ${what} is not supported in the Dockyard sandbox.\n`,
};

const zh: HostTexts = {
  unsupported: (program, what) => `${program}: Dockyard 沙盒不支持 ${what}。\n`,
};

export const HOST_TEXTS: Record<Lang, HostTexts> = { en, zh };

export function hostTexts(lang: Lang): HostTexts {
  return HOST_TEXTS[lang];
}
