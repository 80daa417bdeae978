/** Packages yum installs on CentOS 7/8 images (those already in the image are reported as installed). */
import { type PackageDef, type PackageIndex, pkg } from './types';

const LIST: PackageDef[] = [
  pkg('wget', '1.14-18.el7_6.1', 'base', 547000, 2100000, [], [{ path: '/usr/bin/wget', size: 426480, mode: 0o755 }, { path: '/etc/wgetrc', size: 4479 }], 'A utility for retrieving files using the HTTP or FTP protocols', 'x86_64'),
  pkg('gpm-libs', '1.20.7-6.el7', 'base', 32000, 66000, [], [{ path: '/usr/lib64/libgpm.so.2.1.0', size: 23840 }], 'Dynamic library for gpm', 'x86_64'),
  pkg('vim-filesystem', '7.4.629-8.el7_9', 'updates', 11000, 0, [], [{ path: '/usr/share/vim/vimfiles/template.spec', size: 168 }], 'VIM filesystem layout', 'x86_64'),
  pkg('vim-common', '7.4.629-8.el7_9', 'updates', 5900000, 21000000, ['vim-filesystem'], [{ path: '/usr/share/vim/vim74/runtime.tar', size: 20900000 }], 'The common files needed by any version of the VIM editor', 'x86_64'),
  pkg('vim-enhanced', '7.4.629-8.el7_9', 'updates', 1100000, 2200000, ['vim-common', 'gpm-libs'], [{ path: '/usr/bin/vim', size: 2289656, mode: 0o755 }], 'A version of the VIM editor which includes recent enhancements', 'x86_64'),
  pkg('nano', '2.3.1-10.el7', 'base', 440000, 1600000, [], [{ path: '/usr/bin/nano', size: 205960, mode: 0o755 }], 'A small text editor', 'x86_64'),
  pkg('net-tools', '2.0-0.25.20131004git.el7', 'base', 306000, 918000, [], [{ path: '/usr/bin/netstat', size: 155008, mode: 0o755 }, { path: '/usr/sbin/ifconfig', size: 82152, mode: 0o755 }], 'Basic networking tools', 'x86_64'),
  pkg('less', '458-10.el7_9', 'updates', 120000, 215000, [], [{ path: '/usr/bin/less', size: 158240, mode: 0o755 }], 'A text file browser similar to more, but better', 'x86_64'),
  pkg('git', '1.8.3.1-25.el7_9', 'updates', 4400000, 23000000, ['less'], [{ path: '/usr/bin/git', size: 1622856, mode: 0o755 }, { path: '/usr/libexec/git-core/git-remote-http', size: 1420328, mode: 0o755 }], 'Fast Version Control System', 'x86_64'),
];

export const CENTOS_PACKAGES: PackageIndex = Object.fromEntries(LIST.map((p) => [p.name, p]));

/** programs the CentOS images already carry: yum says they are installed */
export const CENTOS_PREINSTALLED: Readonly<Record<string, string>> = {
  curl: '7.29.0-59.el7_9.1',
  bash: '4.2.46-35.el7_9',
  'iputils': '20160308-10.el7',
  tar: '1.26-35.el7',
};
