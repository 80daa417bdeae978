/** Packages apk installs on Alpine 3.18 images. */
import { type PackageDef, type PackageFile, type PackageIndex, pkg } from './types';

const lib = (path: string, size: number): PackageFile => ({ path: `/usr/lib/${path}`, size });
const bin = (path: string, size: number): PackageFile => ({ path: `/usr/bin/${path}`, size, mode: 0o755 });

const LIST: PackageDef[] = [
  pkg('ca-certificates', '20230506-r0', 'main', 158000, 680000, [], [{ path: '/usr/bin/update-ca-certificates', size: 34544, mode: 0o755 }, { path: '/etc/ssl/certs/ca-certificates.crt', size: 216945 }], 'Common CA certificates PEM files from Mozilla', 'x86_64'),
  pkg('brotli-libs', '1.0.9-r14', 'main', 331000, 720000, [], [lib('libbrotlicommon.so.1.0.9', 136552), lib('libbrotlidec.so.1.0.9', 47624), lib('libbrotlienc.so.1.0.9', 554112)], 'Generic lossless compressor (libraries)', 'x86_64'),
  pkg('c-ares', '1.20.1-r0', 'main', 63000, 160000, [], [lib('libcares.so.2.6.1', 124344)], 'Asynchronous DNS/names resolver library', 'x86_64'),
  pkg('libunistring', '1.1-r1', 'main', 505000, 1600000, [], [lib('libunistring.so.5.0.0', 1597752)], 'Library for manipulating Unicode strings and C strings', 'x86_64'),
  pkg('libidn2', '2.3.4-r1', 'main', 128000, 380000, ['libunistring'], [lib('libidn2.so.0.3.8', 137800)], 'Encode/Decode library for internationalized domain names', 'x86_64'),
  pkg('nghttp2-libs', '1.57.0-r0', 'main', 72000, 168000, [], [lib('libnghttp2.so.14.25.0', 166064)], 'Experimental HTTP/2 client, server and proxy (libraries)', 'x86_64'),
  pkg('libcurl', '8.4.0-r0', 'main', 325000, 654000, ['ca-certificates', 'brotli-libs', 'c-ares', 'libidn2', 'nghttp2-libs'], [lib('libcurl.so.4.8.0', 652856)], 'The multiprotocol file transfer library', 'x86_64'),
  pkg('curl', '8.4.0-r0', 'main', 149000, 256000, ['ca-certificates', 'libcurl'], [bin('curl', 251229)], 'URL retrival utility and library', 'x86_64'),
  pkg('pcre2', '10.42-r1', 'main', 227000, 640000, [], [lib('libpcre2-8.so.0.11.2', 636720)], 'Perl-compatible regular expression library', 'x86_64'),
  pkg('libpsl', '0.21.2-r0', 'main', 45000, 88000, [], [lib('libpsl.so.5.3.4', 86432)], 'C library for the Publix Suffix List', 'x86_64'),
  pkg('wget', '1.21.4-r0', 'main', 330000, 780000, ['libidn2', 'libpsl', 'pcre2'], [bin('wget', 463048)], 'Network utility to retrieve files from the Web', 'x86_64'),
  pkg('ncurses-terminfo-base', '6.4_p20230506-r0', 'main', 20000, 100000, [], [{ path: '/etc/terminfo/x/xterm', size: 3617 }], 'Descriptions of common terminals', 'x86_64'),
  pkg('libncursesw', '6.4_p20230506-r0', 'main', 130000, 420000, ['ncurses-terminfo-base'], [lib('libncursesw.so.6.4', 413880)], 'Console display library (libncursesw)', 'x86_64'),
  pkg('readline', '8.2.1-r1', 'main', 115000, 268000, ['libncursesw'], [lib('libreadline.so.8.2', 267400)], 'GNU readline library', 'x86_64'),
  pkg('bash', '5.2.15-r5', 'main', 465000, 1326000, ['readline'], [{ path: '/bin/bash', size: 1305816, mode: 0o755 }], 'The GNU Bourne Again shell', 'x86_64'),
  pkg('xxd', '9.0.2073-r0', 'main', 14000, 32000, [], [bin('xxd', 18296)], 'Hexdump utility from vim', 'x86_64'),
  pkg('vim', '9.0.2073-r0', 'main', 1682000, 3300000, ['xxd', 'libncursesw'], [bin('vim', 3299192)], 'Improved vi-style text editor', 'x86_64'),
  pkg('nano', '7.2-r1', 'main', 170000, 600000, ['libncursesw'], [bin('nano', 265968)], 'Enhanced clone of the Pico text editor', 'x86_64'),
  pkg('oniguruma', '6.9.8-r1', 'community', 171000, 560000, [], [lib('libonig.so.5.3.0', 560024)], 'a regular expressions library', 'x86_64'),
  pkg('jq', '1.6-r4', 'main', 250000, 600000, ['oniguruma'], [bin('jq', 380240)], 'A lightweight and flexible command-line JSON processor', 'x86_64'),
  pkg('git', '2.40.1-r0', 'main', 6300000, 15900000, ['libcurl', 'pcre2'], [bin('git', 2883584), { path: '/usr/libexec/git-core/git-remote-http', size: 1493480, mode: 0o755 }], 'Distributed version control system', 'x86_64'),
  pkg('python3', '3.11.6-r0', 'main', 12700000, 47600000, ['libncursesw', 'readline'], [bin('python3.11', 14256), { path: '/usr/bin/python3', link: 'python3.11' }, lib('libpython3.11.so.1.0', 5720528)], 'A high-level scripting language', 'x86_64'),
];

export const ALPINE_PACKAGES: PackageIndex = Object.fromEntries(LIST.map((p) => [p.name, p]));
