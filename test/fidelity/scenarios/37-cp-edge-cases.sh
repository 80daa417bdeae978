# docker cp in both directions and its edge cases: into a directory / to a new name, a directory with and without
# a trailing /. (contents), into a missing parent, onto a file, missing paths on either side, a stopped container,
# a tar stream from and to stdout/stdin, container-to-container and host-to-host (refused), symlinks with and without -L.
docker pull busybox
docker run -d --name box busybox sleep 1000
echo hello > hello.txt
mkdir -p dir1/sub
echo a > dir1/a.txt
echo b > dir1/sub/b.txt
docker cp hello.txt box:/tmp/
docker exec box cat /tmp/hello.txt
docker cp hello.txt box:/tmp/renamed.txt
docker exec box ls /tmp
docker cp dir1 box:/tmp
docker exec box ls -R /tmp/dir1
docker cp dir1/. box:/tmp/contents
docker exec box ls -R /tmp/contents
docker cp dir1 box:/tmp/dir1
docker exec box ls /tmp/dir1
docker cp hello.txt box:/nonexistent/deep/
docker cp hello.txt box:/nonexistent/file.txt
docker cp dir1 box:/tmp/hello.txt
docker cp hello.txt box:/tmp/hello.txt/
docker cp box:/nosuch .
docker cp nosuch.txt box:/tmp/
docker cp nosuch:/etc/hostname .
docker cp box:/etc/hostname .
cat hostname | wc -c
docker cp box:/tmp/dir1 ./fromcontainer
cat fromcontainer/sub/b.txt
docker cp box:/tmp/dir1/. ./merged
cat merged/a.txt
docker cp box:/tmp/hello.txt hello.txt/
docker cp box:/tmp/hello.txt - | tar -t
docker cp box:/tmp/dir1 - | tar -t
tar -cf upload.tar hello.txt dir1
docker cp - box:/upload < upload.tar
docker cp - box:/tmp < upload.tar
docker exec box ls /tmp
docker cp hello.txt - 
docker exec box ln -s /tmp/hello.txt /tmp/link
docker cp box:/tmp/link ./link
test -L link && echo link is a symlink
docker cp -L box:/tmp/link ./followed
cat followed
docker cp box:/tmp box:/tmp2
docker cp hello.txt copy.txt
docker cp hello.txt
docker stop -t 1 box
docker cp hello.txt box:/root/
docker cp box:/root/hello.txt ./again.txt
cat again.txt
docker cp hello.txt box:relative.txt
docker start box
docker exec box cat /relative.txt
docker rm -f box
