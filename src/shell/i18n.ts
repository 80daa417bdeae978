/** Texts of the shell that are not a real program's own output, in English and Chinese. */
import type { Lang } from './interpreter/types';

export interface ShellTexts {
  helpIntro: string;
  helpFooter: string;
  builtins: Record<string, string>;
  /** a program exists in the image but Dockyard does not simulate it */
  unsupported: (name: string) => string;
  /** printf with a field width or precision past what the simulator writes */
  fieldTooWide: (name: string, width: number, max: number) => string;
  /** a failure inside the simulator itself (a bug): said in the simulator's voice, never as a JavaScript error */
  internalError: (name: string) => string;
}

const en: ShellTexts = {
  helpIntro: 'Dockyard shell. These commands are built in:',
  helpFooter: 'Programs: ls cat mkdir touch rm cp mv chmod chown head tail cut grep sed awk find wc sort uniq tr diff tar gzip gunzip zcat du df stat file base64 sha256sum ps top free id uname ip hostname curl sleep clear env date basename dirname tee xargs which docker',
  builtins: {
    cd: 'cd [dir]              change the working directory',
    pwd: 'pwd                   print the working directory',
    echo: 'echo [-neE] [arg ...] write arguments to standard output',
    printf: 'printf format [args]  formatted output',
    export: 'export [name[=value]] set an environment variable',
    unset: 'unset name            remove a variable',
    exit: 'exit [n]              leave the shell',
    history: 'history               list the commands typed so far',
    help: 'help                  show this help',
    test: 'test expr / [ expr ]  evaluate a condition',
    true: 'true / false          succeed / fail',
    type: 'type name             tell what a command name is',
    read: 'read [-r] name        read a line from standard input',
    set: 'set [-e] [-- args]    shell options and positional parameters',
    source: 'source file           run a file in this shell',
  },
  unsupported: (name) => `${name}: this program is not available in the Dockyard simulator\n`,
  fieldTooWide: (name, width, max) => `${name}: field width ${width}: the Dockyard simulator writes at most ${max} characters per field\n`,
  internalError: (name) => `${name}: the Dockyard simulator failed to run this command (an internal error)\n`,
};

const zh: ShellTexts = {
  helpIntro: 'Dockyard 终端。以下是内置命令：',
  helpFooter: '可用程序：ls cat mkdir touch rm cp mv chmod chown head tail cut grep sed awk find wc sort uniq tr diff tar gzip gunzip zcat du df stat file base64 sha256sum ps top free id uname ip hostname curl sleep clear env date basename dirname tee xargs which docker',
  builtins: {
    cd: 'cd [目录]             切换工作目录',
    pwd: 'pwd                   显示当前工作目录',
    echo: 'echo [-neE] [参数…]   把参数写到标准输出',
    printf: 'printf 格式 [参数…]   按格式输出',
    export: 'export [名[=值]]      设置环境变量',
    unset: 'unset 名              删除变量',
    exit: 'exit [n]              退出终端',
    history: 'history               列出输入过的命令',
    help: 'help                  显示本帮助',
    test: 'test 表达式 / [ 表达式 ] 判断条件',
    true: 'true / false          成功 / 失败',
    type: 'type 名称             说明命令名是什么',
    read: 'read [-r] 名          从标准输入读一行',
    set: 'set [-e] [-- 参数…]   shell 选项和位置参数',
    source: 'source 文件           在当前 shell 中执行文件',
  },
  unsupported: (name) => `${name}: Dockyard 模拟器中没有这个程序\n`,
  fieldTooWide: (name, width, max) => `${name}: 字段宽度 ${width}：Dockyard 模拟器每个字段最多输出 ${max} 个字符\n`,
  internalError: (name) => `${name}: Dockyard 模拟器执行这条命令时出错（内部错误）\n`,
};

export const SHELL_TEXTS: Record<Lang, ShellTexts> = { en, zh };

export function texts(lang: Lang): ShellTexts {
  return SHELL_TEXTS[lang];
}
