# Users and permissions: `run -u` with names, uids and uid:gid, unknown users and groups, `-w` onto a file,
# USER / COPY --chown / chown / chmod in a Dockerfile, what a non-root user may read, write and enter,
# `exec -u`, and root passing every check.
docker pull busybox
docker run --rm busybox id
docker run --rm -u nobody busybox id
docker run --rm -u nobody busybox whoami
docker run --rm -u 1000 busybox id
docker run --rm -u 1000 busybox whoami
docker run --rm -u 1000:1000 busybox id
docker run --rm -u 0:nogroup busybox id
docker run --rm -u nobody:daemon busybox id
docker run --rm -u nosuchuser busybox id
docker run --rm -u root:nosuchgroup busybox id
docker run --rm -u 1000:nosuchgroup busybox id
docker run --rm -w /etc/passwd busybox pwd
docker run --rm -w /tmp/new/dir busybox pwd
docker run --rm -u nobody busybox touch /etc/x
docker run --rm -u nobody busybox sh -c 'echo hi > /etc/motd'
docker run --rm -u nobody busybox sh -c 'echo hi >> /etc/passwd'
docker run --rm -u nobody busybox mkdir /data
docker run --rm -u nobody busybox rm /etc/passwd
docker run --rm -u nobody busybox rm -f /etc/group
docker run --rm -u nobody busybox mv /etc/passwd /tmp/
docker run --rm -u nobody busybox chmod 777 /etc/passwd
docker run --rm -u nobody busybox chown nobody /tmp
docker run --rm -u nobody busybox sh -c 'cd /tmp && echo hi > f && ls -l f && cat f'
docker run --rm -u nobody busybox sh -c 'cp /etc/passwd /tmp/p && ls -l /tmp/p'
docker run --rm busybox sh -c 'touch /etc/x && chmod 600 /etc/x && ls -l /etc/x && echo ok'
printf 'FROM busybox\nRUN echo "app:x:1001:1001:app:/home/app:/bin/sh" >> /etc/passwd && echo "app:x:1001:" >> /etc/group && mkdir -p /home/app /data/private && chown app:app /home/app && echo secret > /data/secret && chmod 600 /data/secret && chmod 700 /data/private\nCOPY --chown=app:app hello.txt /home/app/\nWORKDIR /home/app\nUSER app\nCMD ["id"]\n' > Dockerfile
echo hello > hello.txt
docker build -q -t perm .
docker run --rm perm
docker run --rm perm whoami
docker run --rm perm ls -l /home/app
docker run --rm perm ls -l /data
docker run --rm perm cat /data/secret
docker run --rm perm ls /data/private
docker run --rm perm sh -c 'cd /data/private'
docker run --rm perm touch /data/new
docker run --rm perm sh -c 'echo hi > note.txt && ls -l note.txt'
docker run --rm perm sh -c 'echo more >> hello.txt && cat hello.txt'
docker run --rm -u root perm cat /data/secret
docker run --rm -u root perm sh -c 'touch /data/private/x && ls -l /data/private'
docker run --rm -u 0 perm id
docker run --rm -u app busybox id
docker run -d --name perm1 perm sleep 300
docker exec perm1 id
docker exec -u root perm1 id
docker exec -u 1001:0 perm1 id
docker exec -u nosuchuser perm1 id
docker exec -w /etc/passwd perm1 pwd
docker exec perm1 ps
docker exec perm1 sh -c 'echo x > /etc/hostname'
docker exec perm1 pwd
docker rm -f perm1
