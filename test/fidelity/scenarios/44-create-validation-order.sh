# In which order docker run / create check a request: what the CLI refuses before asking the daemon, what the daemon
# refuses before it looks the image up (so a missing image is never pulled), and what comes only after the image is
# found or pulled (names, log drivers, networks, links, volumes-from) or only at start (ports, the command).
docker run -p 99999:80 nosuchimage-fid
docker run -p 80:80/sctpx nosuchimage-fid
docker run --mount type=bind,target=/x nosuchimage-fid
docker run -e FOO nosuchimage-fid true
docker run --memory 1m nosuchimage-fid
docker run --restart always:3 nosuchimage-fid
docker run --rm --restart always nosuchimage-fid
docker run -w relative nosuchimage-fid
docker run -v /tmp:relative nosuchimage-fid
docker run --mount type=bind,source=/nonexistent-fid,target=/x nosuchimage-fid
docker run --health-interval 1ms --health-cmd true nosuchimage-fid
docker run --cpu-shares -1 nosuchimage-fid
docker run --stop-signal NOPE nosuchimage-fid
docker run --name a nosuchimage-fid
docker run --network nosuchnet-fid nosuchimage-fid
docker run --link nosuch-fid:alias nosuchimage-fid
docker run --volumes-from nosuch-fid nosuchimage-fid
docker run --ip 10.0.0.5 nosuchimage-fid
docker run --log-driver nosuchdriver-fid nosuchimage-fid
docker run --name a hello-world
docker images hello-world
docker run -d --name taken busybox sleep 1000
docker run --name taken nosuchimage-fid
docker create --name taken redis
docker images redis
docker run -d --network nosuchnet-fid ubuntu:16.04
docker images ubuntu
docker run -d -p 8080:80 --name web nginx:alpine
docker run -d -p 8080:80 --name web2 busybox sleep 1000
docker ps -a --format '{{.Names}}: {{.Status}}'
docker run busybox nosuchcommand
docker run busybox /etc/passwd
docker create --name later -p 8080:80 busybox sleep 1000
docker start later
docker ps -a --format '{{.Names}}: {{.Status}}'
docker rm -f taken web web2 later
docker container prune -f
