/**
 * Random shell syntax and the setup lines that give the docker lines
 * something to meet. Each template names the area whose bug a failure of
 * it would be: the templates of the shell engineer's open findings (fork
 * bombs, pipe floods, self-calling functions, huge strings, nested $(…)
 * parsing, `[` globbing, ${x%pat}, job control) say `owner: 'shell'`.
 */
import { hostile } from './hostile';
import type { FuzzLine } from './line';
import { type Rng, shq } from './rng';

type Make = (r: Rng) => Omit<FuzzLine, 'kind' | 'template'>;

interface Template {
  id: string;
  weight: number;
  make: Make;
  owner?: FuzzLine['owner'];
  /**
   * every line of it, when it may take the whole process down or block it for
   * long while its bug is open: such templates are not mixed into sessions but
   * probed, each line once, in a session of its own (HAZARD_LINES)
   */
  hazard?: readonly string[];
}

const nest = (open: string, close: string, n: number, inner: string) => open.repeat(n) + inner + close.repeat(n);
const line = (s: string): Make => () => ({ line: s });
const oneOf = (xs: readonly string[]): Make => (r) => ({ line: r.pick(xs) });

const INSTRUCTIONS = [
  'RUN echo hi > /hi.txt',
  'RUN mkdir -p /app && touch /app/x',
  'RUN false',
  'RUN exit 3',
  'RUN sleep 1000',
  'RUN while :; do :; done',
  'RUN nosuchcommand',
  'COPY hello.txt /app/',
  'COPY nope /',
  'ADD hello.txt /a/',
  'ENV A=1 B="two words"',
  'ENV',
  'ARG V=1',
  'ARG',
  'WORKDIR /app',
  'WORKDIR rel',
  'USER nobody',
  'USER 1000:1000',
  'EXPOSE 80 443/udp',
  'EXPOSE 1-65535',
  'EXPOSE bogus',
  'LABEL a=b "c d"=e',
  'LABEL __proto__=x constructor=y',
  'VOLUME /data',
  'VOLUME ["/a", "/b"]',
  'CMD ["echo", "hi"]',
  'CMD echo $HOME',
  'ENTRYPOINT ["sh", "-c"]',
  'HEALTHCHECK CMD true',
  'HEALTHCHECK --interval=-1s CMD true',
  'STOPSIGNAL SIGKILL',
  'STOPSIGNAL nope',
  'SHELL ["sh", "-c"]',
  'SHELL notjson',
  'ONBUILD RUN echo x',
  'ONBUILD ONBUILD RUN x',
  'MAINTAINER me',
  'BOGUS instruction',
  'FROM busybox AS second',
  'COPY --from=second /bin/sh /sh2',
  'COPY --from=nosuch / /',
  'RUN ["echo", "exec", "form"]',
  'RUN ["unterminated"',
  '\\',
  '# comment',
  '',
];

const FROMS = ['FROM busybox', 'FROM busybox:latest', 'FROM scratch', 'FROM nosuch', 'FROM ubuntu:18.04', 'FROM busybox AS base', 'ARG B=busybox\nFROM $B', 'FROM', 'FROM --platform=linux/arm64 busybox'];

function dockerfile(r: Rng): string {
  const lines = [r.pick(FROMS)];
  for (let i = r.int(0, 6); i > 0; i--) lines.push(r.chance(0.05) ? hostile(r) : r.pick(INSTRUCTIONS));
  return lines.join('\n');
}

const TEMPLATES: readonly Template[] = [
  // unbalanced and broken syntax
  { id: 'unbalanced', weight: 6, make: oneOf(['echo "abc', "echo 'x", 'echo $(echo', 'echo ${x', '}', 'fi', 'done', ';;', 'echo `ls', 'if true; then', 'case x in', 'for', 'while', 'echo )', '|', '&&', ';', '& &', '>', '<<', 'echo >', 'echo 2>&', 'echo hi >&-', '((', 'echo $((', '${}', '${x:?}', 'echo ${!x}', 'a=(1 2', '[[ x', '[ x', 'test', '!', 'function', 'f()', 'echo "$(echo "$(echo ")")"']) },
  { id: 'random-bytes', weight: 2, make: (r) => ({ line: Array.from({ length: r.int(1, 40) }, () => String.fromCharCode(r.int(1, 126))).join('') }) },
  { id: 'hostile-words', weight: 3, make: (r) => ({ line: `echo ${shq(hostile(r))} ${r.chance(0.5) ? hostile(r) : ''}` }) },
  // deep nesting
  { id: 'nested-subst', weight: 2, make: (r) => ({ line: `echo ${nest('$(echo ', ')', r.int(2, 5), 'x')}` }) },
  { id: 'nested-subst-deep', weight: 0, owner: 'shell', make: line(''), hazard: [`echo ${nest('$(echo ', ')', 12, 'x')}`, `echo ${nest('"$(echo ', ')"', 10, 'x')}`] },
  { id: 'nested-groups', weight: 2, make: (r) => ({ line: nest('{ ', '; }', r.int(2, 60), 'echo deep') }) },
  { id: 'nested-subshells', weight: 2, make: (r) => ({ line: nest('( ', ' )', r.int(2, 40), 'echo deep') }) },
  { id: 'nested-quotes', weight: 1, make: (r) => ({ line: `echo ${nest('"$(echo ', ')"', r.int(1, 6), 'q')}` }) },
  { id: 'nested-arith', weight: 1, make: (r) => ({ line: `echo $((${nest('(', ')', r.int(1, 200), '1+1')}))` }) },
  // heredocs
  { id: 'heredoc', weight: 4, make: oneOf(['cat <<EOF\nhello $HOME\nEOF', "cat <<'EOF'\n$x `y`\nEOF", 'cat <<-EOF\n\tindented\n\tEOF', 'cat <<EOF\nnever ends', 'cat <<EOF | tr a-z A-Z\nabc\nEOF', 'docker run -i --rm busybox sh <<EOF\necho inside\nexit 2\nEOF', 'cat <<EOF\n$(echo nested $(echo twice))\nEOF', 'cat <<A <<B\na\nA\nb\nB', 'cat <<""\n\n', 'read x <<EOF\nv\nEOF\necho $x']) },
  // endless and long loops (the runner must stop them at the step's deadline)
  { id: 'endless-loop', weight: 2, make: oneOf(['while :; do :; done', 'while true; do x=1; done', 'until false; do :; done', 'while :; do echo hi > /dev/null; done', 'for ((;;)); do :; done', 'while :; do :; done; echo never']) },
  { id: 'sleep-loop', weight: 2, make: oneOf(['while true; do sleep 1; echo tick; done', 'until false; do sleep 1; done', 'sleep 100000', 'read x', 'cat', 'while read l; do echo $l; done']) },
  { id: 'background-loop', weight: 1, make: oneOf(['(while true; do sleep 1; done) &', 'sleep 1000 &', 'docker logs -f c1 &']) },
  { id: 'yes', weight: 1, make: oneOf(['yes | head -3', 'yes > /dev/null', 'yes | tr y n | head -2', 'seq 100000 | tail -1']) },
  // the shell engineer's findings
  { id: 'fork-bomb', weight: 0, owner: 'shell', make: line(''), hazard: [':(){ :|:& };:', 'bomb(){ bomb & bomb; }; bomb', 'docker run --rm busybox sh -c ":(){ :|:& };:"'] },
  { id: 'self-call', weight: 0, owner: 'shell', make: line(''), hazard: ['f(){ f; }; f', 'cd(){ cd "$@"; }; cd /tmp; unset -f cd', 'g(){ g $1$1; }; g x'] },
  { id: 'pipe-flood', weight: 0, owner: 'shell', make: line(''), hazard: ['while :; do help; done | tr a b > /dev/null', 'yes | tr a b > /dev/null'] },
  { id: 'huge-string', weight: 0, owner: 'shell', make: line(''), hazard: ['x=a; for i in $(seq 28); do x=$x$x; done; echo ${#x}', 'x=$(seq 200000); echo ${#x}'] },
  { id: 'trim-pattern', weight: 0, owner: 'shell', make: line(''), hazard: ['x=$(seq 3000 | tr -d "\\n"); echo ${x%%*1*} ${x#*9}', 'x=$(printf "%5000s"); echo "${x%%*a}" | wc -c'] },
  { id: 'glob-test', weight: 0, owner: 'shell', make: line(''), hazard: ['mkdir -p /tmp/g && cd /tmp/g && touch $(seq 300) && for i in $(seq 2000); do [ -n x ]; done; cd /srv/work'] },
  { id: 'background-busy', weight: 0, owner: 'shell', make: line(''), hazard: ['while :; do :; done & kill $!; wait; echo killed'] },
  { id: 'jobs', weight: 2, owner: 'shell', make: (r) => r.pick([{ line: 'sleep 1000 & kill $!', expect: { exit: 0 } }, { line: 'sleep 1000 & jobs', expect: { output: /Running/ } }, { line: 'sleep 1000 & kill %%', expect: { exit: 0 } }, { line: 'sleep 2 & wait $!; echo $?', expect: { output: /^0\n/ } }]) },
  // JS objects behind shell names (the shell's command lookup) and docker keys
  { id: 'prototype-names', weight: 3, owner: 'shell', make: (r) => ({ line: r.pick(['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty x', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable']), expect: { exit: 127, output: /command not found/ } }) },
  { id: 'prototype-shell-words', weight: 2, owner: 'shell', make: oneOf(['x=constructor; $x; echo $?', 'type toString', 'command -v valueOf; echo $?', 'unset __proto__', 'export constructor=1; echo $constructor', 'echo ${constructor:-unset} ${toString:-unset}', 'alias toString=ls; toString /; unalias toString', 'declare -f __proto__', 'hash constructor', 'help constructor', 'kill -constructor 1', 'trap "echo x" toString', 'ulimit -constructor', 'cd constructor']) },
  { id: 'prototype-docker-words', weight: 2, make: oneOf(['docker constructor', 'docker __proto__ ls', 'docker ps -f __proto__=x', 'docker images -f constructor=1', 'docker volume ls -f toString=x', 'docker network ls -f valueOf=1', 'docker system prune -f --filter __proto__=1', 'docker ps --format "{{.__proto__}}"', 'docker inspect -f "{{.constructor}}" busybox', 'docker run --rm -e __proto__=1 busybox env', 'docker run --rm -l constructor=1 busybox true', 'docker ps -f label=constructor', 'docker ps -f label=toString=1']) },
  // numbers and widths
  { id: 'printf-width', weight: 2, owner: 'shell', make: oneOf(["printf '%999999999d' 1", "printf '%.999999999f' 1", "printf '%*d' 99999999999 1", "printf '%-2147483648s|' x", "printf '%2147483647s' x | wc -c", "printf '%0999999999999d' 1", "printf '%.*s' -5 abc", "printf '%99999s' x | wc -c"]) },
  { id: 'arith', weight: 2, make: oneOf(['echo $((1/0))', 'echo $((2**64))', 'echo $((2**-1))', 'echo $(( ))', 'echo $((x++ + ++x))', 'echo $((0x))', 'echo $((1<<999))', 'echo $((-9223372036854775808 / -1))', 'echo $((9223372036854775807 + 1))', 'echo $((08))', 'echo $[1+1]', 'let x=1/0', '(exit 999); echo $?', 'echo ${#}', 'seq -5', 'seq 1 0 5 | head -2', 'seq 1e3 | wc -l']) },
  { id: 'long-line', weight: 1, make: (r) => ({ line: `echo ${'x'.repeat(r.int(1000, 10_000))} | wc -c` }) },
  { id: 'redirects', weight: 2, make: oneOf(['echo hi > /', 'echo hi > /etc/nope/x', 'cat < /nope', 'echo hi >> /dev/full', 'cat /dev/null > x && cat x', 'exec 3>&-', 'echo x 1>&3', 'ls > ""', 'echo hi > $nope', 'cat < /etc', 'echo > /srv/work/../../../../x']) },
  { id: 'cd', weight: 1, make: oneOf(['cd ../../../..; pwd; cd /srv/work', 'cd -', 'cd ""', 'cd /nope', 'cd ~nobody', 'cd /srv/work']) },
  { id: 'history', weight: 1, make: oneOf(['history | tail -2', 'history 3', 'echo $HISTSIZE $HISTFILESIZE', 'fc -l', '!!', '!-1']) },
  { id: 'subshell-set', weight: 1, make: oneOf(['(set -e; false; echo no)', '(set -u; echo $nope)', '(set -o pipefail; false | true; echo $?)', 'bash -c "exit 3"; echo $?', 'sh -ec "false; echo no"; echo $?', 'bash -o pipefail -c "false | true"; echo $?']) },
  // corrupted archives for load/import
  { id: 'bad-archives', weight: 2, make: oneOf(['docker save -o out.tar busybox && head -c 1000 out.tar > bad.tar && docker load -i bad.tar', 'docker save busybox | docker load', 'echo garbage > bad.tar; docker load -i bad.tar', 'docker export c1 > c1.tar; docker import c1.tar mine:imported', 'head -c 513 /dev/urandom > r.tar; docker import r.tar', 'docker load < /etc/passwd', 'docker save -o /dev/null busybox nosuch']) },
];

const SETUP: readonly Make[] = [
  oneOf(['docker pull busybox', 'docker pull nginx:alpine', 'docker pull ubuntu:18.04', 'docker pull redis', 'docker pull hello-world']),
  oneOf(['docker run -d --name c1 busybox sleep 1000', 'docker run -d --name c2 -v v1:/data busybox sh -c "while true; do date >> /data/d; sleep 1; done"', 'docker run -d --name web -p 8080:80 nginx:alpine', 'docker run -d --name db --network n1 redis', 'docker create --name box -v data:/data busybox', 'docker run --name c1 busybox echo hi', 'docker run -d --restart always --name c2 busybox sh -c "sleep 2; exit 1"', 'docker run -d --name box --health-cmd true --health-interval 1s busybox sleep 1000']),
  oneOf(['docker volume create v1', 'docker volume create data', 'docker network create n1', 'docker network create --subnet 10.9.0.0/16 n2', 'docker tag busybox mine:v1', 'docker commit c1 mine:v1', 'docker run -d -p 5000:5000 --name registry registry:2', 'docker push localhost:5000/busybox']),
  (r) => ({ line: `mkdir -p ctx && echo hello > ctx/hello.txt && printf '%s\\n' ${dockerfile(r).split('\n').map(shq).join(' ')} > ctx/Dockerfile` }),
  oneOf(['docker build -t mine:v1 ctx', 'docker build ctx', 'docker build -q -t mine:v2 ctx', 'docker build --no-cache -t mine ctx', 'docker build -f ctx/Dockerfile -t mine:v1 .', 'docker build --build-arg V=2 -t mine:v3 ctx']),
  oneOf(['docker stop c1', 'docker start c1', 'docker restart web', 'docker pause c1', 'docker unpause c1', 'docker kill c2', 'docker rm -f c1', 'docker exec c1 ls /', 'docker logs --tail 2 c2', 'docker rmi -f busybox', 'docker image prune -a -f', 'docker system prune -a -f', 'docker container prune -f', 'docker system df']),
];

const MIXED = TEMPLATES.filter((t) => t.weight > 0);

export function shellLine(r: Rng): FuzzLine {
  const t = r.weighted(MIXED.map((x) => [x.weight, x] as const));
  const made = t.make(r);
  const out: FuzzLine = { ...made, kind: 'shell', template: `shell:${t.id}` };
  if (t.owner) out.owner = t.owner;
  return out;
}

export function setupLine(r: Rng): FuzzLine {
  const made = r.pick(SETUP)(r);
  return { ...made, kind: 'setup', template: made.line.split(/\s+/).slice(0, 3).join(' ') };
}

/** the lines of the hazard templates, each probed once in a session of its own */
export const HAZARD_LINES: readonly FuzzLine[] = TEMPLATES.flatMap((t) =>
  (t.hazard ?? []).map((line) => ({ line, kind: 'shell' as const, template: `shell:${t.id}`, owner: t.owner })),
);
