# grep -r and -R in a busybox container: links to files and to directories, a link that leads nowhere,
# missing operands and the exit status. Directory order is hash order on a real
# filesystem, so lists go through sort.
docker run -d --name gr busybox sleep 3600
docker exec gr sh -c 'mkdir -p /d/e /d/n && echo hi > /d/e/f && echo hi there > /d/n/g && ln -s e /d/l && ln -s nowhere /d/x && ln -s e/f /d/lf'
docker exec gr sh -c 'grep -r hi /d | sort'
docker exec gr sh -c 'grep -r hi /d >/dev/null; echo $?'
docker exec gr sh -c 'grep -R hi /d | sort'
docker exec gr sh -c 'grep -rl hi /d | sort'
docker exec gr sh -c 'grep -rL there /d | sort'
docker exec gr sh -c 'grep -rc hi /d | sort'
docker exec gr grep -r hi /d/l
docker exec gr grep -rl nothing /d/e /srv
docker exec gr sh -c 'grep -rl nothing /d/e /srv; echo $?'
docker exec gr grep hi /nope
docker exec gr grep -r there /d/n/g
docker exec gr sh -c 'grep -rl . /bin | wc -l'
docker rm -f gr
