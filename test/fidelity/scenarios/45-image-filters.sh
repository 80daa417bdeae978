# docker image ls filters and formats: before / since (by name, id, and an unknown image), reference patterns (name,
# name:tag, wildcards in name and tag, several of them), label (key, key=value), dangling, combined filters, bad filter
# keys and values, --format with table and placeholders, --no-trunc, -q with filters, image ls of a repository:tag.
docker pull busybox
docker pull nginx:alpine
docker pull redis:alpine
mkdir imgs
cd imgs
printf '%s\n' 'FROM busybox' 'LABEL stage=dev team=web' > Dockerfile.dev
printf '%s\n' 'FROM busybox' 'LABEL stage=prod' > Dockerfile.prod
docker build -q -f Dockerfile.dev -t app:dev .
#@ sleep: 1
docker build -q -f Dockerfile.prod -t app:prod .
#@ sleep: 1
printf '%s\n' 'FROM busybox' 'LABEL team=ops' > Dockerfile.team
docker build -q -f Dockerfile.team -t registry.example.com/team/app:1.0 .
docker images
docker images -f before=app:prod
docker images -f since=app:dev
docker images -f since=busybox
docker images -f before=nosuch:tag
docker images -f reference=app
docker images -f reference='app:*'
docker images -f reference='*:alpine'
docker images -f reference='*/team/*'
docker images -f reference='red*' -f reference='ngin*'
docker images -f reference=busybox:latest -q
docker images -f label=stage
docker images -f label=stage=prod
docker images -f label=team=web -f label=stage=dev
docker images -f label=stage=qa
docker images -f dangling=false --format '{{.Repository}}:{{.Tag}}'
docker images -f dangling=maybe
docker images -f bogus=1
docker images -f reference=app -f since=app:dev
docker images --format 'table {{.Repository}}\t{{.Tag}}\t{{.Size}}'
docker images --format '{{.Repository}}:{{.Tag}} {{.ID}}' app
docker images --no-trunc app:dev
docker images app:prod
docker images 'app:p*'
docker image ls --filter=reference='*' --format '{{.Repository}}'
printf '%s\n' 'FROM busybox' 'LABEL stage=dev team=web version=2' > Dockerfile.dev
docker build -q -f Dockerfile.dev -t app:dev .
docker images -f dangling=true
docker images -f dangling=true -f label=team=web --format '{{.Repository}} {{.Tag}}'
docker images --digests busybox
docker images --format '{{json .}}' redis | wc -l
