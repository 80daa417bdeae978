# Dockerfile metadata instructions and where they end up: ARG defaults and --build-arg, ENV from ARG, LABEL, WORKDIR,
# EXPOSE, VOLUME, STOPSIGNAL, ENTRYPOINT + CMD (exec and shell forms), SHELL, MAINTAINER; docker inspect of the image,
# docker history with build args, an unused build arg, run with arguments and --entrypoint.
mkdir meta
cd meta
printf '%s\n' 'FROM busybox' 'MAINTAINER learner <learner@example.com>' 'ARG VERSION=1.0' 'ENV APP_VERSION=$VERSION APP_HOME=/opt/app' 'LABEL version=$VERSION description="metadata demo"' 'WORKDIR $APP_HOME' 'RUN echo "building $VERSION in $(pwd)"' 'EXPOSE 8080 9090/udp' 'VOLUME /data' 'STOPSIGNAL SIGUSR1' 'ENTRYPOINT ["echo", "entry:"]' 'CMD ["default", "args"]' > Dockerfile
docker build -t meta:v1 .
docker run --rm meta:v1
docker run --rm meta:v1 custom args
docker run --rm --entrypoint pwd meta:v1
docker run --rm --entrypoint sh meta:v1 -c 'echo $APP_VERSION $APP_HOME'
docker image inspect -f '{{json .Config.Env}}' meta:v1
docker image inspect -f '{{json .Config.Labels}}' meta:v1
docker image inspect -f '{{.Config.WorkingDir}} {{.Config.StopSignal}} {{.Author}}' meta:v1
docker image inspect -f '{{json .Config.ExposedPorts}} {{json .Config.Volumes}}' meta:v1
docker image inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' meta:v1
docker build -t meta:v2 --build-arg VERSION=2.5 .
docker run --rm --entrypoint env meta:v2
docker history meta:v2 | head -n 12
docker history --no-trunc --format '{{.CreatedBy}}' meta:v2
docker build -t meta:v3 --build-arg UNUSED=x .
docker run -d --name stopper meta:v1
docker inspect -f '{{.Config.StopSignal}} {{json .Config.ExposedPorts}}' stopper
docker ps -a --format '{{.Names}} {{.Command}} {{.Ports}}'
docker rm stopper
printf '%s\n' 'FROM busybox' 'SHELL ["/bin/echo", "via"]' 'RUN echo shell-form' 'RUN ["echo", "exec-form"]' 'CMD echo "cmd $HOME"' > Dockerfile.shell
docker build -f Dockerfile.shell -t shelldemo .
docker run --rm shelldemo
docker image inspect -f '{{json .Config.Shell}} {{json .Config.Cmd}}' shelldemo
docker history shelldemo | head -n 6
printf '%s\n' 'FROM busybox' 'ENTRYPOINT echo entry' 'CMD ["ignored"]' > Dockerfile.entry
docker build -q -f Dockerfile.entry -t entrydemo .
docker run --rm entrydemo
docker run --rm entrydemo extra
docker ps -a --format '{{.Command}}'
