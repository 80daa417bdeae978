# Dockerfile mistakes and what the legacy builder says about them: an empty Dockerfile, an instruction before FROM,
# wrong argument counts (FROM, ENV, COPY, WORKDIR, ARG, EXPOSE, STOPSIGNAL, HEALTHCHECK), unknown flags, ONBUILD
# triggers that are not allowed, a JSON form that is not JSON, a missing context or -f file, a bad tag, a RUN that fails.
mkdir errs
cd errs
touch Dockerfile
docker build .
printf '%s\n' 'RUN echo hi' 'FROM busybox' > Dockerfile
docker build .
printf '%s\n' 'FROM' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox AS' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'ENV ONLYKEY' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'ENV =value' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'COPY onlyone' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'WORKDIR' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'ARG' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'EXPOSE 80/http' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'EXPOSE abc' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'STOPSIGNAL SIGNOPE' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'HEALTHCHECK --interval=0.5ms CMD true' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'HEALTHCHECK --retries=0 CMD true' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'HEALTHCHECK --interval=10 CMD true' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'HEALTHCHECK' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'COPY --chmod=755 a b' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'ONBUILD FROM alpine' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'ONBUILD ONBUILD RUN true' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'ONBUILD MAINTAINER me' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'CMD ["echo", "unterminated' > Dockerfile
docker build -t badjson .
docker image inspect -f '{{json .Config.Cmd}}' badjson
printf '%s\n' 'FROM busybox' 'RUN echo step one' 'RUN sh -c "echo failing; exit 7"' 'RUN echo never' > Dockerfile
docker build -t failing .
docker images failing
docker ps -a --format '{{.Status}} {{.Command}}'
docker build nosuchdir
docker build -f nosuch.Dockerfile .
docker build -t Bad:Tag .
docker build -t ok:1:2 .
docker build
printf '%s\n' 'FROM busybox' 'COPY missing.txt /' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'FROM nosuchimage-fid' > Dockerfile
docker build .
printf '%s\n' 'FROM busybox' 'COPY --from=nostage /etc/passwd /x' > Dockerfile
docker build .
