# docker system df and df -v as things are added: nothing, pulled images sharing a layer, a built image, running and
# stopped containers with writes, named and anonymous volumes with data, then after removals; --format on df.
docker system df
docker system df -v
docker pull busybox
docker pull nginx:alpine
docker pull redis:alpine
docker system df
mkdir dfbuild
cd dfbuild
printf '%s\n' 'FROM busybox' 'RUN echo "some data" > /data.txt' > Dockerfile
docker build -q -t dfimage .
docker volume create named
docker run -d --name writer -v named:/data busybox sh -c 'echo 1234567890 > /data/ten; echo abc > /tmp/abc; sleep 1000'
docker run --name stopped busybox sh -c 'echo hello > /hello'
docker run -d --name cache -v named:/data redis:alpine
docker run -d --name web nginx:alpine
docker system df
docker system df -v
docker system df --format '{{.Type}}: {{.TotalCount}} total, {{.Active}} active, {{.Size}}, {{.Reclaimable}}'
docker system df --format 'table {{.Type}}\t{{.TotalCount}}'
docker system df -v --format '{{.Type}}'
docker rm -f cache web
docker system df
docker rmi nginx:alpine
docker system df -v
docker system df --bogus
