# The learner's host tools (GNU): gzip/gunzip/zcat around `docker save` / `docker load` as the tutorial does,
# find, awk, grep with context, diff, stat, base64, sha256sum, file, uname.
docker pull busybox
docker save busybox | gzip > busybox.tar.gz
gzip -t busybox.tar.gz && echo ok
docker rmi busybox
gunzip -c busybox.tar.gz | docker load
docker images busybox
echo hello > hello.txt
gzip hello.txt
ls
zcat hello.txt.gz
gunzip hello.txt.gz
cat hello.txt
gzip -k hello.txt
ls hello*
gzip hello.txt < /dev/null
gunzip -f hello.txt.gz
zcat missing.gz
gunzip hello.txt
echo hi | gzip | gunzip
mkdir -p site/css site/js
touch site/index.html site/css/main.css site/js/app.js
find site | sort
find site -type f -name '*.css'
find site -type d | sort
find . -name '*.js'
find nosuch
printf 'alpha 3\nbeta 10\ngamma 7\n' > data.txt
awk '{ s += $2 } END { print s, NR }' data.txt
awk '$2 > 5 { print $1 }' data.txt
awk -F' ' '{ printf "%-8s%4d\n", $1, $2 * 2 }' data.txt
awk 'BEGIN { print length("docker"), toupper("abc"), substr("container", 1, 4) }'
seq 20 > n.txt
grep -n -C1 '^10$' n.txt
grep -A2 15 n.txt
grep -c 1 n.txt
printf 'one\ntwo\nthree\n' > a.txt
printf 'one\n2\nthree\nfour\n' > b.txt
diff a.txt b.txt
diff -u a.txt b.txt | tail -n +3
diff a.txt a.txt
stat -c '%n %s %a %A %F' a.txt site
echo hello | base64
echo aGVsbG8K | base64 -d
echo hello | sha256sum
sha256sum a.txt
echo hello | md5sum
file a.txt site hello.txt
uname -s
uname -m
