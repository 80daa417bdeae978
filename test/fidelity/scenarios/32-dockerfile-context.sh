# The build context: .dockerignore patterns (*, **, !exceptions, directories, the Dockerfile itself), what COPY . sees,
# ADD of local tars (unpacked), COPY of a tar (kept as is), COPY --chown, ONBUILD triggers in a
# base image and the child build that runs them, multi-stage COPY --from, build -f from another directory.
mkdir ctx
cd ctx
mkdir -p src/lib docs tmp
echo 'app' > src/app.txt
echo 'lib' > src/lib/util.txt
echo 'old' > src/lib/util.bak
echo 'notes' > docs/notes.md
echo 'readme' > docs/README.md
echo 'scratch' > tmp/scratch.txt
echo 'debug' > debug.log
echo 'keep' > keep.log
printf '%s\n' 'FROM busybox' 'COPY . /ctx' 'RUN ls -R /ctx' > Dockerfile
docker build -t ctx:all .
printf '%s\n' '# comments are ignored' '*.log' '!keep.log' 'tmp' '**/*.bak' 'docs/*.md' '!docs/README.md' 'Dockerfile' > .dockerignore
docker build -t ctx:ignored .
docker run --rm ctx:ignored cat /ctx/keep.log /ctx/docs/README.md
printf '%s\n' '*' '!src' > .dockerignore
docker build -t ctx:onlysrc .
printf '%s\n' 'FROM busybox' 'COPY debug.log /' > Dockerfile.ignored
docker build -f Dockerfile.ignored .
rm .dockerignore
tar -cf files.tar src/app.txt docs/notes.md
tar -cf lib.tar src/lib
printf '%s\n' 'FROM busybox' 'ADD files.tar /unpacked/' 'ADD lib.tar /lib-unpacked' 'COPY files.tar /copied/' 'ADD files.tar lib.tar /both/' 'RUN ls -R /unpacked /lib-unpacked /copied /both' > Dockerfile.tar
docker build -f Dockerfile.tar -t ctx:tar .
printf '%s\n' 'FROM busybox' 'COPY --chown=daemon:daemon src/app.txt /owned/' 'COPY --chown=1234:5678 src/lib /owned/lib' 'RUN ls -l /owned /owned/lib' > Dockerfile.chown
docker build -f Dockerfile.chown -t ctx:chown .
printf '%s\n' 'FROM busybox' 'ONBUILD COPY src/app.txt /app/' 'ONBUILD RUN echo "trigger ran: $(cat /app/app.txt)"' 'CMD ["cat", "/app/app.txt"]' > Dockerfile.base
docker build -f Dockerfile.base -t onbuild-base .
docker image inspect -f '{{json .Config.OnBuild}}' onbuild-base
printf '%s\n' 'FROM onbuild-base' 'RUN echo child step' > Dockerfile.child
docker build -f Dockerfile.child -t onbuild-child .
docker run --rm onbuild-child
docker image inspect -f '{{json .Config.OnBuild}}' onbuild-child
printf '%s\n' 'FROM busybox AS builder' 'RUN mkdir /out && echo built > /out/result.txt' 'FROM busybox' 'COPY --from=builder /out/result.txt /result.txt' 'COPY --from=0 /out /out2' 'CMD ["cat", "/result.txt"]' > Dockerfile.multi
docker build -f Dockerfile.multi -t ctx:multi .
docker run --rm ctx:multi
docker build -f Dockerfile.multi --target builder -t ctx:builder .
docker build -f Dockerfile.multi --target nosuch .
cd ..
docker build -f ctx/Dockerfile.multi -t ctx:fromparent ctx
docker images ctx
