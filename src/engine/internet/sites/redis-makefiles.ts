/**
 * The Makefiles of the simulated redis-5.0.3 release: Redis's own top-level
 * Makefile, and shortened forms of src/, deps/ and the dependencies'
 * Makefiles (the same targets, variables and progress lines; libc malloc
 * instead of jemalloc, whose ./configure is out of the sandbox's reach). Each
 * file says so in its first lines. The recipes call cc/gcc, ar and install.
 */

export const TOP_MAKEFILE = `# Top level makefile, the real shit is at src/Makefile

default: all

.DEFAULT:
\tcd src && $(MAKE) $@

install:
\tcd src && $(MAKE) $@

.PHONY: install
`;

const SERVER_OBJ =
  'adlist.o quicklist.o ae.o anet.o dict.o server.o sds.o zmalloc.o lzf_c.o lzf_d.o pqsort.o zipmap.o sha1.o ziplist.o release.o networking.o util.o object.o db.o replication.o rdb.o t_string.o t_list.o t_set.o t_zset.o t_hash.o config.o aof.o pubsub.o multi.o debug.o sort.o intset.o syncio.o cluster.o crc16.o endianconv.o slowlog.o scripting.o bio.o rio.o rand.o memtest.o crc64.o bitops.o sentinel.o notify.o setproctitle.o blocked.o hyperloglog.o latency.o sparkline.o redis-check-rdb.o redis-check-aof.o geo.o lazyfree.o module.o evict.o expire.o geohash.o geohash_helper.o childinfo.o defrag.o siphash.o rax.o t_stream.o listpack.o localtime.o lolwut.o lolwut5.o';
const CLI_OBJ = 'anet.o adlist.o dict.o redis-cli.o zmalloc.o release.o ae.o crc64.o siphash.o crc16.o';
const BENCHMARK_OBJ = 'ae.o anet.o redis-benchmark.o adlist.o dict.o zmalloc.o siphash.o';

/** every object the server, cli and benchmark are linked from */
export const SRC_OBJECTS = [...new Set(`${SERVER_OBJ} ${CLI_OBJ} ${BENCHMARK_OBJ}`.split(' '))];

export const SRC_MAKEFILE = `# Redis Makefile
# Copyright (C) 2009 Salvatore Sanfilippo <antirez at gmail dot com>
# This file is released under the BSD license, see the COPYING file
#
# Dockyard sandbox: a shortened form of Redis 5.0.3's src/Makefile (libc
# malloc, no generated dependency files); targets and messages as Redis's.

OPTIMIZATION?=-O2
DEPENDENCY_TARGETS=hiredis linenoise lua
STD=-std=c99 -pedantic -DREDIS_STATIC=''
WARN=-Wall -W -Wno-missing-field-initializers
OPT=$(OPTIMIZATION)

PREFIX?=/usr/local
INSTALL_BIN=$(PREFIX)/bin
INSTALL=install

MALLOC=libc
DEBUG=-g -ggdb

FINAL_CFLAGS=$(STD) $(WARN) $(OPT) $(DEBUG) $(CFLAGS) $(REDIS_CFLAGS)
FINAL_LDFLAGS=$(LDFLAGS) $(REDIS_LDFLAGS) $(DEBUG)
FINAL_LIBS=-lm -ldl -pthread -lrt
FINAL_LDFLAGS+= -rdynamic
FINAL_CFLAGS+= -I../deps/hiredis -I../deps/linenoise -I../deps/lua/src

CCCOLOR="\\033[34m"
LINKCOLOR="\\033[34;1m"
SRCCOLOR="\\033[33m"
BINCOLOR="\\033[37;1m"
MAKECOLOR="\\033[32;1m"
ENDCOLOR="\\033[0m"

QUIET_CC = @printf '    %b %b\\n' $(CCCOLOR)CC$(ENDCOLOR) $(SRCCOLOR)$@$(ENDCOLOR) 1>&2;
QUIET_LINK = @printf '    %b %b\\n' $(LINKCOLOR)LINK$(ENDCOLOR) $(BINCOLOR)$@$(ENDCOLOR) 1>&2;
QUIET_INSTALL = @printf '    %b %b\\n' $(LINKCOLOR)INSTALL$(ENDCOLOR) $(BINCOLOR)$@$(ENDCOLOR) 1>&2;

REDIS_CC=$(QUIET_CC)$(CC) $(FINAL_CFLAGS)
REDIS_LD=$(QUIET_LINK)$(CC) $(FINAL_LDFLAGS)
REDIS_INSTALL=$(QUIET_INSTALL)$(INSTALL)

REDIS_SERVER_NAME=redis-server
REDIS_SENTINEL_NAME=redis-sentinel
REDIS_SERVER_OBJ=${SERVER_OBJ}
REDIS_CLI_NAME=redis-cli
REDIS_CLI_OBJ=${CLI_OBJ}
REDIS_BENCHMARK_NAME=redis-benchmark
REDIS_BENCHMARK_OBJ=${BENCHMARK_OBJ}
REDIS_CHECK_RDB_NAME=redis-check-rdb
REDIS_CHECK_AOF_NAME=redis-check-aof

all: $(REDIS_SERVER_NAME) $(REDIS_SENTINEL_NAME) $(REDIS_CLI_NAME) $(REDIS_BENCHMARK_NAME) $(REDIS_CHECK_RDB_NAME) $(REDIS_CHECK_AOF_NAME)
\t@echo ""
\t@echo "Hint: It's a good idea to run 'make test' ;)"
\t@echo ""

.PHONY: all

persist-settings:
\t-(cd ../deps && $(MAKE) $(DEPENDENCY_TARGETS))

.PHONY: persist-settings

.make-prerequisites:
\t@$(MAKE) persist-settings
\t@touch $@

# redis-server
$(REDIS_SERVER_NAME): $(REDIS_SERVER_OBJ)
\t$(REDIS_LD) -o $@ $^ ../deps/hiredis/libhiredis.a ../deps/lua/src/liblua.a $(FINAL_LIBS)

# redis-sentinel
$(REDIS_SENTINEL_NAME): $(REDIS_SERVER_NAME)
\t$(REDIS_INSTALL) $(REDIS_SERVER_NAME) $(REDIS_SENTINEL_NAME)

# redis-check-rdb
$(REDIS_CHECK_RDB_NAME): $(REDIS_SERVER_NAME)
\t$(REDIS_INSTALL) $(REDIS_SERVER_NAME) $(REDIS_CHECK_RDB_NAME)

# redis-check-aof
$(REDIS_CHECK_AOF_NAME): $(REDIS_SERVER_NAME)
\t$(REDIS_INSTALL) $(REDIS_SERVER_NAME) $(REDIS_CHECK_AOF_NAME)

# redis-cli
$(REDIS_CLI_NAME): $(REDIS_CLI_OBJ)
\t$(REDIS_LD) -o $@ $^ ../deps/hiredis/libhiredis.a ../deps/linenoise/linenoise.o $(FINAL_LIBS)

# redis-benchmark
$(REDIS_BENCHMARK_NAME): $(REDIS_BENCHMARK_OBJ)
\t$(REDIS_LD) -o $@ $^ ../deps/hiredis/libhiredis.a $(FINAL_LIBS)

%.o: %.c .make-prerequisites
\t$(REDIS_CC) -c $<

clean:
\trm -rf $(REDIS_SERVER_NAME) $(REDIS_SENTINEL_NAME) $(REDIS_CLI_NAME) $(REDIS_BENCHMARK_NAME) $(REDIS_CHECK_RDB_NAME) $(REDIS_CHECK_AOF_NAME) *.o

.PHONY: clean

install: all
\t@mkdir -p $(INSTALL_BIN)
\t$(REDIS_INSTALL) $(REDIS_SERVER_NAME) $(INSTALL_BIN)
\t$(REDIS_INSTALL) $(REDIS_BENCHMARK_NAME) $(INSTALL_BIN)
\t$(REDIS_INSTALL) $(REDIS_CLI_NAME) $(INSTALL_BIN)
\t$(REDIS_INSTALL) $(REDIS_CHECK_RDB_NAME) $(INSTALL_BIN)
\t$(REDIS_INSTALL) $(REDIS_CHECK_AOF_NAME) $(INSTALL_BIN)
\t@ln -sf $(REDIS_SERVER_NAME) $(INSTALL_BIN)/$(REDIS_SENTINEL_NAME)

.PHONY: install
`;

export const DEPS_MAKEFILE = `# Redis dependency Makefile
#
# Dockyard sandbox: a shortened form of Redis 5.0.3's deps/Makefile
# (hiredis, linenoise and lua; no jemalloc).

CCCOLOR="\\033[34m"
LINKCOLOR="\\033[34;1m"
SRCCOLOR="\\033[33m"
BINCOLOR="\\033[37;1m"
MAKECOLOR="\\033[32;1m"
ENDCOLOR="\\033[0m"

default:
\t@echo "Explicit target required"

.PHONY: default

hiredis:
\t@printf '%b %b\\n' $(MAKECOLOR)MAKE$(ENDCOLOR) $(BINCOLOR)$@$(ENDCOLOR)
\tcd hiredis && $(MAKE) static

.PHONY: hiredis

linenoise:
\t@printf '%b %b\\n' $(MAKECOLOR)MAKE$(ENDCOLOR) $(BINCOLOR)$@$(ENDCOLOR)
\tcd linenoise && $(MAKE)

.PHONY: linenoise

LUA_CFLAGS+= -O2 -Wall -DLUA_ANSI -DENABLE_CJSON_GLOBAL -DREDIS_STATIC='' $(CFLAGS)
LUA_LDFLAGS+= $(LDFLAGS)
AR=ar
ARFLAGS=rcu

lua:
\t@printf '%b %b\\n' $(MAKECOLOR)MAKE$(ENDCOLOR) $(BINCOLOR)$@$(ENDCOLOR)
\tcd lua/src && $(MAKE) all CFLAGS="$(LUA_CFLAGS)" MYLDFLAGS="$(LUA_LDFLAGS)" AR="$(AR) $(ARFLAGS)"

.PHONY: lua
`;

export const HIREDIS_OBJECTS = ['net.o', 'hiredis.o', 'sds.o', 'async.o', 'read.o'];

export const HIREDIS_MAKEFILE = `# Hiredis Makefile
# Copyright (C) 2010-2011 Salvatore Sanfilippo <antirez at gmail dot com>
# Copyright (C) 2010-2011 Pieter Noordhuis <pcnoordhuis at gmail dot com>
# This file is released under the BSD license, see the COPYING file
#
# Dockyard sandbox: the static library part of hiredis's Makefile.

OBJ=${HIREDIS_OBJECTS.join(' ')}
LIBNAME=libhiredis
STLIBSUFFIX=a
STLIBNAME=$(LIBNAME).$(STLIBSUFFIX)
STLIB_MAKE_CMD=ar rcs $(STLIBNAME)

OPTIMIZATION?=-O3
WARNINGS=-Wall -W -Wstrict-prototypes -Wwrite-strings
DEBUG_FLAGS?= -g -ggdb
REAL_CFLAGS=$(OPTIMIZATION) -fPIC $(CFLAGS) $(WARNINGS) $(DEBUG_FLAGS)

all: $(STLIBNAME)

static: $(STLIBNAME)

$(STLIBNAME): $(OBJ)
\t$(STLIB_MAKE_CMD) $(OBJ)

.c.o:
\t$(CC) -std=c99 -pedantic -c $(REAL_CFLAGS) $<

clean:
\trm -rf $(STLIBNAME) *.o

.PHONY: all static clean
`;

export const LINENOISE_MAKEFILE = `STD=
WARN= -Wall
OPT= -Os

R_CFLAGS= $(STD) $(WARN) $(OPT) $(DEBUG) $(CFLAGS)
R_LDFLAGS= $(LDFLAGS)
DEBUG= -g

R_CC=$(CC) $(R_CFLAGS)
R_LD=$(CC) $(R_LDFLAGS)

linenoise.o: linenoise.h linenoise.c

linenoise_example: linenoise.o example.o
\t$(R_LD) -o $@ $^

.c.o:
\t$(R_CC) -c $<

clean:
\trm -f linenoise_example *.o
`;

export const LUA_CORE = 'lapi.o lcode.o ldebug.o ldo.o ldump.o lfunc.o lgc.o llex.o lmem.o lobject.o lopcodes.o lparser.o lstate.o lstring.o ltable.o ltm.o lundump.o lvm.o lzio.o strbuf.o fpconv.o'.split(' ');
export const LUA_LIB = 'lauxlib.o lbaselib.o ldblib.o liolib.o lmathlib.o loslib.o ltablib.o lstrlib.o loadlib.o linit.o lua_cjson.o lua_struct.o lua_cmsgpack.o lua_bit.o'.split(' ');
export const LUA_PROGRAMS = ['lua.o', 'luac.o', 'print.o'];

export const LUA_MAKEFILE = `# makefile for building Lua
# see ../INSTALL for installation instructions
# see ../Makefile and luaconf.h for further customization
#
# Dockyard sandbox: the generic-platform part of Lua 5.1's src/Makefile.

CC= gcc
CFLAGS= -O2 -Wall $(MYCFLAGS)
AR= ar rcu
RANLIB= ranlib
RM= rm -f
LIBS= -lm $(MYLIBS)

MYCFLAGS=
MYLDFLAGS=
MYLIBS=

LUA_A=	liblua.a
CORE_O=	${LUA_CORE.join(' ')}
LIB_O=	${LUA_LIB.join(' ')}

LUA_T=	lua
LUA_O=	lua.o

LUAC_T=	luac
LUAC_O=	luac.o print.o

ALL_T= $(LUA_A) $(LUA_T) $(LUAC_T)

all:	$(ALL_T)

$(LUA_A): $(CORE_O) $(LIB_O)
\t$(AR) $@ $(CORE_O) $(LIB_O)
\t$(RANLIB) $@

$(LUA_T): $(LUA_O) $(LUA_A)
\t$(CC) -o $@ $(MYLDFLAGS) $(LUA_O) $(LUA_A) $(LIBS)

$(LUAC_T): $(LUAC_O) $(LUA_A)
\t$(CC) -o $@ $(LUAC_O) $(LUA_A) $(LIBS)

clean:
\t$(RM) $(ALL_T) *.o

.PHONY: all clean
`;
