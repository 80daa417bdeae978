/** Packages apt-get installs on Ubuntu 22.04 (jammy) and Debian 12 (bookworm) images. */
import { type PackageDef, type PackageFile, type PackageIndex, pkg } from './types';

type Row = [name: string, jammy: string, bookworm: string, repo: string, download: number, installed: number, depends: string[], files: PackageFile[], summary: string, arch?: string];

const lib = (path: string, size: number): PackageFile => ({ path: `/usr/lib/x86_64-linux-gnu/${path}`, size });
const bin = (path: string, size: number): PackageFile => ({ path: `/usr/bin/${path}`, size, mode: 0o755 });
const doc = (name: string): PackageFile => ({ path: `/usr/share/doc/${name}/copyright`, size: 1862 });

const ROWS: Row[] = [
  ['openssl', '3.0.2-0ubuntu1.12', '3.0.11-1~deb12u2', 'main', 1183000, 2096000, [], [bin('openssl', 1001472), { path: '/etc/ssl/openssl.cnf', size: 12332 }, doc('openssl')], 'Secure Sockets Layer toolkit - cryptographic utility'],
  ['ca-certificates', '20230311ubuntu0.22.04.1', '20230311', 'main', 155000, 385000, ['openssl'], [{ path: '/usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt', size: 1939 }, { path: '/etc/ssl/certs/ca-certificates.crt', size: 213777 }, { path: '/usr/sbin/update-ca-certificates', size: 5987, mode: 0o755 }, doc('ca-certificates')], 'Common CA certificates', 'all'],
  ['libbrotli1', '1.0.9-2build6', '1.0.9-2+b6', 'main', 315000, 829000, [], [lib('libbrotlicommon.so.1.0.9', 137184), lib('libbrotlidec.so.1.0.9', 51496), lib('libbrotlienc.so.1.0.9', 624464), doc('libbrotli1')], 'library implementing brotli encoder and decoder (shared libraries)'],
  ['libnghttp2-14', '1.43.0-1ubuntu0.1', '1.52.0-1+deb12u1', 'main', 76200, 206000, [], [lib('libnghttp2.so.14.20.1', 182256), doc('libnghttp2-14')], 'library implementing HTTP/2 protocol (shared library)'],
  ['libpsl5', '0.21.0-1.2build2', '0.21.2-1', 'main', 58400, 97000, [], [lib('libpsl.so.5.3.3', 72024), doc('libpsl5')], 'Library for Public Suffix List (shared libraries)'],
  ['librtmp1', '2.4+20151223.gitfa8646d.1-2build4', '2.4+20151223.gitfa8646d.1-2+b2', 'main', 58200, 149000, [], [lib('librtmp.so.1', 125040), doc('librtmp1')], 'toolkit for RTMP streams (shared library)'],
  ['libssh-4', '0.9.6-2ubuntu0.22.04.1', '0.10.5-1', 'main', 186000, 529000, [], [lib('libssh.so.4.8.7', 486632), doc('libssh-4')], 'tiny C SSH library (OpenSSL flavor)'],
  ['libcurl4', '7.81.0-1ubuntu1.14', '7.88.1-10+deb12u4', 'main', 290000, 811000, ['libbrotli1', 'libnghttp2-14', 'libpsl5', 'librtmp1', 'libssh-4'], [lib('libcurl.so.4.8.0', 788176), doc('libcurl4')], 'easy-to-use client-side URL transfer library (OpenSSL flavour)'],
  ['curl', '7.81.0-1ubuntu1.14', '7.88.1-10+deb12u4', 'main', 194000, 454000, ['libcurl4', 'ca-certificates'], [bin('curl', 271060), { path: '/usr/share/man/man1/curl.1.gz', size: 42318 }, doc('curl')], 'command line tool for transferring data with URL syntax'],
  ['wget', '1.21.2-2ubuntu1', '1.21.3-1+b2', 'main', 339000, 950000, ['libpsl5', 'ca-certificates'], [bin('wget', 519816), { path: '/etc/wgetrc', size: 4942 }, doc('wget')], 'retrieves files from the web'],
  ['libcap2-bin', '1:2.44-1ubuntu0.22.04.1', '1:2.66-4', 'main', 26000, 110000, [], [{ path: '/sbin/capsh', size: 31352, mode: 0o755 }, doc('libcap2-bin')], 'POSIX 1003.1e capabilities (utilities)'],
  ['iputils-ping', '3:20211215-1', '3:20221126-1', 'main', 42900, 114000, ['libcap2-bin'], [{ path: '/bin/ping', size: 76672, mode: 0o755 }, doc('iputils-ping')], 'Tools to test the reachability of network hosts'],
  ['libgpm2', '1.20.7-10build1', '1.20.7-10+b1', 'main', 15000, 51000, [], [lib('libgpm.so.2', 30504), doc('libgpm2')], 'General Purpose Mouse - shared library'],
  ['xxd', '2:8.2.3995-1ubuntu2.15', '2:9.0.1378-2', 'main', 55100, 134000, [], [bin('xxd', 18712), doc('xxd')], 'tool to make (or reverse) a hex dump'],
  ['vim-common', '2:8.2.3995-1ubuntu2.15', '2:9.0.1378-2', 'main', 81300, 395000, [], [{ path: '/usr/share/vim/vimrc', size: 662 }, doc('vim-common')], 'Vi IMproved - Common files', 'all'],
  ['vim-runtime', '2:8.2.3995-1ubuntu2.15', '2:9.0.1378-2', 'main', 6833000, 33400000, [], [{ path: '/usr/share/vim/vim82/syntax/syntax.vim', size: 1403 }, { path: '/usr/share/vim/vim82/runtime.tar', size: 33300000 }, doc('vim-runtime')], 'Vi IMproved - Runtime files', 'all'],
  ['vim', '2:8.2.3995-1ubuntu2.15', '2:9.0.1378-2', 'main', 1730000, 3869000, ['vim-common', 'vim-runtime', 'xxd', 'libgpm2'], [bin('vim.basic', 3868848), { path: '/usr/bin/vim', link: '/etc/alternatives/vim' }, { path: '/etc/alternatives/vim', link: '/usr/bin/vim.basic' }, doc('vim')], 'Vi IMproved - enhanced vi editor'],
  ['nano', '6.2-1', '7.2-1', 'main', 280000, 881000, [], [bin('nano', 277448), { path: '/etc/nanorc', size: 11232 }, doc('nano')], 'small, friendly text editor inspired by Pico'],
  ['less', '590-1ubuntu0.22.04.1', '590-2', 'main', 142000, 369000, [], [bin('less', 179016), doc('less')], 'pager program similar to more'],
  ['libonig5', '6.9.7.1-2build1', '6.9.8-1', 'universe', 172000, 600000, [], [lib('libonig.so.5.3.0', 587312), doc('libonig5')], 'regular expressions library'],
  ['libjq1', '1.6-2.1ubuntu3', '1.6-2.1', 'universe', 133000, 365000, ['libonig5'], [lib('libjq.so.1.0.4', 331312), doc('libjq1')], 'lightweight and flexible command-line JSON processor - shared library'],
  ['jq', '1.6-2.1ubuntu3', '1.6-2.1', 'universe', 52500, 102000, ['libjq1'], [bin('jq', 31416), doc('jq')], 'lightweight and flexible command-line JSON processor'],
  ['perl-base', '5.34.0-3ubuntu1.3', '5.36.0-7+deb12u1', 'main', 1822000, 7686000, [], [bin('perl', 3622056), doc('perl-base')], 'minimal Perl system'],
  ['liberror-perl', '0.17029-1', '0.17029-2', 'main', 26500, 60000, ['perl-base'], [{ path: '/usr/share/perl5/Error.pm', size: 24518 }, doc('liberror-perl')], 'Perl module for error/exception handling in an OO-ish way', 'all'],
  ['libcurl3-gnutls', '7.81.0-1ubuntu1.14', '7.88.1-10+deb12u4', 'main', 284000, 795000, ['libbrotli1', 'libnghttp2-14', 'libpsl5', 'librtmp1', 'libssh-4'], [lib('libcurl-gnutls.so.4.8.0', 764520), doc('libcurl3-gnutls')], 'easy-to-use client-side URL transfer library (GnuTLS flavour)'],
  ['git-man', '1:2.34.1-1ubuntu1.10', '1:2.39.2-1.1', 'main', 954000, 2101000, [], [{ path: '/usr/share/man/man1/git.1.gz', size: 22312 }, doc('git-man')], 'fast, scalable, distributed revision control system (manual pages)', 'all'],
  ['git', '1:2.34.1-1ubuntu1.10', '1:2.39.2-1.1', 'main', 3166000, 18885000, ['perl-base', 'liberror-perl', 'libcurl3-gnutls', 'git-man'], [bin('git', 3702272), { path: '/usr/lib/git-core/git-remote-http', size: 1617904, mode: 0o755 }, { path: '/usr/share/git-core/templates/description', size: 73 }, doc('git')], 'fast, scalable, distributed revision control system'],
  ['libpython3.10-minimal', '3.10.12-1~22.04.3', '3.11.2-6', 'main', 814000, 4780000, [], [{ path: '/usr/lib/python3.10/os.py', size: 39504 }, { path: '/usr/lib/python3.10/encodings/utf_8.py', size: 1005 }, doc('libpython3.10-minimal')], 'Minimal subset of the Python language (version 3.10)'],
  ['python3-minimal', '3.10.6-1~22.04', '3.11.2-1+b1', 'main', 24300, 126000, ['libpython3.10-minimal'], [bin('python3.10', 5912032), { path: '/usr/bin/python3', link: 'python3.10' }, doc('python3-minimal')], 'minimal subset of the Python language (default python3 version)'],
  ['python3', '3.10.6-1~22.04', '3.11.2-1+b1', 'main', 22800, 97000, ['python3-minimal'], [{ path: '/usr/share/python3/debian_defaults', size: 222 }, doc('python3')], 'interactive high-level object-oriented language (default python3 version)'],
  ['procps', '2:3.3.17-6ubuntu2.1', '2:4.0.2-3', 'main', 378000, 1372000, [], [{ path: '/bin/ps', size: 137688, mode: 0o755 }, bin('top', 133312), bin('free', 27224), bin('uptime', 14640), doc('procps')], '/proc file system utilities'],
  ['iproute2', '5.15.0-1ubuntu2', '6.1.0-3', 'main', 1070000, 3536000, [], [{ path: '/bin/ip', size: 736936, mode: 0o755 }, { path: '/bin/ss', size: 137536, mode: 0o755 }, doc('iproute2')], 'networking and traffic control tools'],
  ['file', '1:5.41-3ubuntu0.1', '1:5.44-3', 'main', 21200, 83000, [], [bin('file', 27024), doc('file')], 'Recognize the type of data in a file using "magic" numbers'],
  ['net-tools', '1.60+git20181103.0eebece-1ubuntu5', '2.10-0.1', 'main', 204000, 819000, [], [{ path: '/sbin/ifconfig', size: 84016, mode: 0o755 }, bin('netstat', 146872), doc('net-tools')], 'NET-3 networking toolkit'],
];

function index(col: 1 | 2): PackageIndex {
  const out: Record<string, PackageDef> = {};
  for (const r of ROWS) out[r[0]] = pkg(r[0], r[col], r[3], r[4], r[5], r[6], r[7], r[8], r[9]);
  return out;
}

export const UBUNTU_PACKAGES: PackageIndex = index(1);
export const DEBIAN_PACKAGES: PackageIndex = index(2);
