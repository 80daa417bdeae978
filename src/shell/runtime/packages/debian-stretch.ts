/**
 * Packages apt-get installs on Debian 9 (stretch) images: the tutorial's
 * redis-from-source build (`apt-get install -y gcc libc6-dev make wget`) with
 * the packages apt pulls in for them (Depends and Recommends), stretch's
 * versions and archive sizes. The toolchain's programs (gcc-6, cc, ar, make,
 * install…) run by file name (src/shell/runtime/resolve.ts).
 */
import { type PackageDef, type PackageFile, type PackageIndex, pkg } from './types';

const lib = (path: string, size: number): PackageFile => ({ path: `/usr/lib/x86_64-linux-gnu/${path}`, size });
const bin = (path: string, size: number): PackageFile => ({ path: `/usr/bin/${path}`, size, mode: 0o755 });
const doc = (name: string): PackageFile => ({ path: `/usr/share/doc/${name}/copyright`, size: 1862 });
const GCC6 = '6.3.0-18+deb9u1';
const LIBC = '2.24-11+deb9u4';
/** the gcc-6 runtime libraries: [package, file, download, installed] */
const GCC_LIBS: [string, string, number, number][] = [
  ['libgomp1', 'libgomp.so.1.0.0', 73_300, 232_000],
  ['libitm1', 'libitm.so.1.0.0', 27_600, 102_000],
  ['libatomic1', 'libatomic.so.1.2.0', 8_944, 39_000],
  ['libasan3', 'libasan.so.3.0.0', 311_000, 1_179_000],
  ['liblsan0', 'liblsan.so.0.0.0', 115_000, 353_000],
  ['libtsan0', 'libtsan.so.0.0.0', 257_000, 913_000],
  ['libubsan0', 'libubsan.so.0.0.0', 100_000, 324_000],
  ['libcilkrts5', 'libcilkrts.so.5.0.0', 40_500, 142_000],
  ['libmpx2', 'libmpx.so.2.0.1', 11_300, 46_000],
  ['libquadmath0', 'libquadmath.so.0.0.0', 133_000, 265_000],
  ['libcc1-0', 'libcc1.so.0.0.0', 30_600, 108_000],
];

const LIST: PackageDef[] = [
  pkg('libssl1.1', '1.1.0l-1~deb9u6', 'main', 1_357_000, 3_506_000, [], [lib('libssl.so.1.1', 431_232), lib('libcrypto.so.1.1', 2_588_912), doc('libssl1.1')], 'Secure Sockets Layer toolkit - shared libraries'),
  pkg('openssl', '1.1.0l-1~deb9u6', 'main', 747_000, 1_278_000, ['libssl1.1'], [bin('openssl', 724_104), { path: '/etc/ssl/openssl.cnf', size: 10_771 }, doc('openssl')], 'Secure Sockets Layer toolkit - cryptographic utility'),
  pkg('ca-certificates', '20200601~deb9u2', 'main', 166_000, 390_000, ['openssl'], [{ path: '/etc/ssl/certs/ca-certificates.crt', size: 213_777 }, { path: '/usr/sbin/update-ca-certificates', size: 5_987, mode: 0o755 }, doc('ca-certificates')], 'Common CA certificates', 'all'),
  pkg('libidn2-0', '0.16-1+deb9u1', 'main', 60_500, 162_000, [], [lib('libidn2.so.0.1.4', 118_320), doc('libidn2-0')], 'Internationalized domain names (IDNA2008) library'),
  pkg('libpsl5', '0.17.0-3', 'main', 41_600, 89_000, ['libidn2-0'], [lib('libpsl.so.5.1.1', 72_024), doc('libpsl5')], 'Library for Public Suffix List (shared libraries)'),
  pkg('publicsuffix', '20190415.1030-1', 'main', 116_000, 306_000, [], [{ path: '/usr/share/publicsuffix/public_suffix_list.dat', size: 215_464 }, doc('publicsuffix')], 'accurate, machine-readable list of domain name suffixes', 'all'),
  pkg('wget', '1.18-5+deb9u3', 'main', 800_000, 2_844_000, ['libidn2-0', 'libpsl5', 'ca-certificates', 'publicsuffix'], [bin('wget', 479_720), { path: '/etc/wgetrc', size: 4_942 }, doc('wget')], 'retrieves files from the web'),
  pkg('make', '4.1-9.1', 'main', 302_000, 1_201_000, [], [bin('make', 216_520), doc('make')], 'utility for directing compilation'),
  pkg('binutils', '2.28-5', 'main', 3_770_000, 22_196_000, [], [bin('ar', 63_848), bin('ranlib', 63_848), bin('ld', 1_737_584), bin('ld.bfd', 1_737_584), bin('as', 377_848), bin('nm', 52_224), bin('objdump', 381_056), bin('strip', 223_168), doc('binutils')], 'GNU assembler, linker and binary utilities'),
  pkg('libgmp10', '2:6.1.2+dfsg-1', 'main', 253_000, 566_000, [], [lib('libgmp.so.10.3.2', 526_688), doc('libgmp10')], 'Multiprecision arithmetic library'),
  pkg('libmpfr4', '3.1.5-1', 'main', 556_000, 1_420_000, ['libgmp10'], [lib('libmpfr.so.4.1.5', 1_259_232), doc('libmpfr4')], 'multiple precision floating-point computation'),
  pkg('libmpc3', '1.0.3-1+b2', 'main', 39_600, 95_000, ['libgmp10', 'libmpfr4'], [lib('libmpc.so.3.0.0', 88_744), doc('libmpc3')], 'multiple precision complex floating-point library'),
  pkg('libisl15', '0.18-1', 'main', 564_000, 1_786_000, ['libgmp10'], [lib('libisl.so.15.2.1', 1_622_568), doc('libisl15')], 'manipulating sets and relations of integer points bounded by linear constraints'),
  pkg('cpp-6', GCC6, 'main', 6_579_000, 24_358_000, ['libgmp10', 'libisl15', 'libmpc3', 'libmpfr4'], [bin('cpp-6', 956_672), { path: '/usr/lib/gcc/x86_64-linux-gnu/6/cc1', size: 22_776_768, mode: 0o755 }, doc('cpp-6')], 'GNU C preprocessor'),
  pkg('cpp', '4:6.3.0-4', 'main', 19_600, 69_000, ['cpp-6'], [{ path: '/usr/bin/cpp', link: 'cpp-6' }, { path: '/usr/share/man/man1/cpp.1.gz', size: 1_076 }, doc('cpp')], 'GNU C preprocessor (cpp)'),
  ...GCC_LIBS.map(([name, file, download, installed]) => pkg(name, GCC6, 'main', download, installed, [], [lib(file, Math.round(installed * 0.9)), doc(name)], `GCC ${name.replace(/[0-9-]+$/, '').replace(/^lib/, '')} runtime library`)),
  pkg('libgcc-6-dev', GCC6, 'main', 2_298_000, 9_818_000, GCC_LIBS.filter(([n]) => n !== 'libcc1-0').map(([n]) => n), [{ path: '/usr/lib/gcc/x86_64-linux-gnu/6/libgcc.a', size: 5_040_000 }, { path: '/usr/lib/gcc/x86_64-linux-gnu/6/crtbegin.o', size: 3_768 }, doc('libgcc-6-dev')], 'GCC support library (development files)'),
  pkg('gcc-6', GCC6, 'main', 6_900_000, 27_136_000, ['cpp-6', 'libcc1-0', 'binutils', 'libgcc-6-dev'], [bin('gcc-6', 956_672), bin('x86_64-linux-gnu-gcc-6', 956_672), { path: '/usr/lib/gcc/x86_64-linux-gnu/6/collect2', size: 482_544, mode: 0o755 }, doc('gcc-6')], 'GNU C compiler'),
  pkg('gcc', '4:6.3.0-4', 'main', 5_196, 16_000, ['cpp', 'gcc-6'], [{ path: '/usr/bin/gcc', link: 'gcc-6' }, { path: '/usr/bin/cc', link: '/etc/alternatives/cc' }, { path: '/etc/alternatives/cc', link: '/usr/bin/gcc' }, { path: '/usr/bin/c89-gcc', size: 428, mode: 0o755 }, doc('gcc')], 'GNU C compiler'),
  pkg('linux-libc-dev', '4.9.228-1', 'main', 1_280_000, 4_986_000, [], [{ path: '/usr/include/linux/version.h', size: 98 }, { path: '/usr/include/x86_64-linux-gnu/asm/unistd_64.h', size: 10_888 }, doc('linux-libc-dev')], 'Linux support headers for userspace development'),
  pkg('libc-dev-bin', LIBC, 'main', 259_000, 753_000, [], [bin('rpcgen', 101_080), bin('mtrace', 8_560), doc('libc-dev-bin')], 'GNU C Library: Development binaries'),
  pkg('libc6-dev', LIBC, 'main', 2_333_000, 10_567_000, ['libc-dev-bin', 'linux-libc-dev'], [{ path: '/usr/include/stdio.h', size: 31_568 }, { path: '/usr/include/stdlib.h', size: 35_071 }, lib('libc.a', 5_108_512), lib('crt1.o', 2_488), doc('libc6-dev')], 'GNU C Library: Development Libraries and Header Files'),
  pkg('manpages', '4.10-2', 'main', 1_216_000, 1_352_000, [], [{ path: '/usr/share/man/man5/passwd.5.gz', size: 3_129 }, doc('manpages')], 'Manual pages about using a GNU/Linux system', 'all'),
  pkg('manpages-dev', '4.10-2', 'main', 2_145_000, 3_700_000, ['manpages'], [{ path: '/usr/share/man/man3/printf.3.gz', size: 10_240 }, doc('manpages-dev')], 'Manual pages about using GNU/Linux for development', 'all'),
];

/** what `apt-get install gcc libc6-dev make wget` adds beyond Depends: the Recommends apt installs by default */
const RECOMMENDS: Record<string, string[]> = { gcc: ['manpages-dev'], 'libc6-dev': ['manpages-dev'], wget: ['ca-certificates', 'publicsuffix'], 'manpages-dev': ['manpages'] };

export const STRETCH_PACKAGES: PackageIndex = Object.fromEntries(
  LIST.map((p) => [p.name, { ...p, depends: [...p.depends, ...(RECOMMENDS[p.name] ?? []).filter((r) => !p.depends.includes(r))] }]),
);
