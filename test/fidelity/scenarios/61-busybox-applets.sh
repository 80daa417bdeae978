# The busybox applets learners use inside a container: find, awk, chown/chgrp/chmod, du, stat, gzip/gunzip/zcat,
# base64, sha256sum/md5sum, diff, grep with context, sort/uniq/cut/tr and friends, ps, id, which.
# find and du print in directory order on a real filesystem (hash order), so their lists go through sort.
docker run -d --name box busybox sleep 3600
docker exec box sh -c 'mkdir -p /srv/app/logs /srv/app/conf && echo hello > /srv/app/a.txt && printf "alpha 3\nbeta 10\ngamma 7\n" > /srv/app/data.txt && seq 1 300 > /srv/app/logs/big.log && echo "x=1" > /srv/app/conf/app.conf'
docker exec box ps
docker exec box sh -c 'find /srv | sort'
docker exec box sh -c 'find /srv -type f -name "*.txt" | sort'
docker exec box sh -c 'find /srv -type d | sort'
docker exec box sh -c 'find /srv/app -maxdepth 1 | sort'
docker exec box sh -c 'find /srv -mindepth 3 -type f | sort'
docker exec box sh -c 'find /srv -size +1k | sort'
docker exec box find /srv -path '*conf*' -type f
docker exec box find /srv -iname 'A.TXT'
docker exec box sh -c 'find /srv -type f ! -name "*.txt" | sort'
docker exec box find /srv/app/conf -name '*.conf' -exec cat {} \;
docker exec box sh -c 'find /srv -name "*.txt" -exec wc -l {} + | sort'
docker exec box find /nonexist
docker exec box awk '{print $1}' /srv/app/data.txt
docker exec box awk '{ s += $2 } END { print "total", s, NR }' /srv/app/data.txt
docker exec box awk -F: '$3 < 10 { print $1 ":" $3 }' /etc/passwd
docker exec box awk -F: -v OFS=' | ' '{ print NR, $1, $NF }' /etc/passwd
docker exec box awk 'BEGIN { printf "%-6s|%5.2f|%03d|%x|%s|%c\n", "ab", 3.14159, 7, 255, toupper("hi"), 65 }'
docker exec box awk '$2 > 5' /srv/app/data.txt
docker exec box awk '/^b|^g/ { print length($0), substr($1, 2, 3), index($0, "a") }' /srv/app/data.txt
docker exec box awk '{ n = split($0, parts, " "); gsub(/a/, "A"); print n, parts[1], $0 }' /srv/app/data.txt
docker exec box awk 'NR % 100 == 0' /srv/app/logs/big.log
docker exec box awk '{ count[$1 % 3]++ } END { for (k = 0; k < 3; k++) print k, count[k] }' /srv/app/logs/big.log
docker exec box sh -c 'echo "3 4" | awk "{ print \$1 * \$2, \$1 / \$2, int(7 / 2), 10 % 4, -\$1 }"'
docker exec box awk 'BEGIN { x = sprintf("%s-%d", "id", 42); print x; if (x ~ /42$/) print "match"; else print "no"; while (i < 3) { i++; printf "%d ", i }; print "" }'
docker exec box awk 'NR == 2 { $2 = "changed"; print; print NF } END { print FILENAME }' /srv/app/data.txt
docker exec box chown nobody /srv/app/a.txt
docker exec box chown -R nobody:nogroup /srv/app/conf
docker exec box chown 1234:5678 /srv/app/data.txt
docker exec box chgrp daemon /srv/app/a.txt
docker exec box ls -l /srv/app
docker exec box ls -ln /srv/app/conf
docker exec box chown nosuch /srv/app/a.txt
docker exec box chown nobody /srv/app/missing
docker exec box chmod 640 /srv/app/a.txt
docker exec box chmod u+x,g-r /srv/app/data.txt
docker exec box chmod 755 /srv/app/missing
docker exec box ls -l /srv/app
docker exec box du -s /srv/app
docker exec box du -sh /srv/app
docker exec box sh -c 'du /srv | sort -k2'
docker exec box sh -c 'du -a /srv/app/conf | sort -k2'
docker exec box du -k /srv/app/logs/big.log
docker exec box stat -c '%n %s %a %A %U %G %u %g %F' /srv/app/a.txt /srv/app/logs /srv/app/data.txt
docker exec box stat -c '%N' /bin/sh
docker exec box stat /nonexist
docker exec box sh -c 'gzip /srv/app/logs/big.log && ls /srv/app/logs && zcat /srv/app/logs/big.log.gz | tail -n 2 && gunzip /srv/app/logs/big.log.gz && wc -l /srv/app/logs/big.log'
docker exec box sh -c 'echo hello | gzip | gunzip'
docker exec box sh -c 'gzip -c /srv/app/data.txt > /tmp/d.gz && gzip -t /tmp/d.gz && echo ok && gzip -dc /tmp/d.gz'
docker exec box gunzip /srv/app/data.txt
docker exec box zcat /nonexist.gz
docker exec box sh -c 'echo hello | base64 && echo aGVsbG8K | base64 -d'
docker exec box sh -c 'echo hello | sha256sum && echo hello | md5sum && sha256sum /srv/app/logs/big.log'
docker exec box sh -c 'printf "one\ntwo\nthree\n" > /tmp/1 && printf "one\n2\nthree\nfour\n" > /tmp/2'
docker exec box diff /tmp/1 /tmp/2
docker exec box sh -c 'diff -u /tmp/1 /tmp/2 | tail -n +3'
docker exec box diff /tmp/1 /tmp/1
docker exec box grep -n -A1 beta /srv/app/data.txt
docker exec box grep -C1 '^150$' /srv/app/logs/big.log
docker exec box grep -B2 -n '^20$' /srv/app/logs/big.log
docker exec box grep -c 0 /srv/app/logs/big.log
docker exec box grep -rl x= /srv
docker exec box grep -v -i ALPHA /srv/app/data.txt
docker exec box grep -E 'alpha|gamma' /srv/app/data.txt
docker exec box sh -c 'sort -k2 -n /srv/app/data.txt | head -n 2 | cut -d" " -f1 | tr a-z A-Z'
docker exec box sh -c 'seq 5 | tac | paste -s -d,'
docker exec box sh -c 'echo hello world | rev; expr 6 \* 7; basename /srv/app/a.txt .txt; dirname /srv/app/a.txt'
docker exec box sh -c 'printf "b\na\nb\n" | sort | uniq -c'
docker exec box nl /srv/app/data.txt
docker exec box sh -c 'echo hi | tee /tmp/t | wc -c; cat /tmp/t; yes | head -n 2'
docker exec box sh -c 'readlink /bin/sh; realpath /srv/app/../app/a.txt'
docker exec box which find awk gzip
docker exec box id
docker exec box sh -c 'nosuchprog'
docker rm -f box
