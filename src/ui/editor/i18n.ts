/** The editor's own strings in English and Simplified Chinese (every key in both: the type says so). */
import type { Lang } from '../i18n';
import type { TreeError } from './file-tree';

export interface EditorDictionary {
  files: string;
  newFile: string;
  newFolder: string;
  /** the toolbar buttons' short text */
  newFileShort: string;
  newFolderShort: string;
  rename: string;
  delete: string;
  confirmDelete: (path: string) => string;
  namePlaceholder: string;
  errors: Record<TreeError, string>;
  noFileOpen: string;
  closeTab: string;
  unsaved: string;
  saved: string;
  save: string;
  build: string;
  buildTitle: (command: string) => string;
  problems: (n: number) => string;
  noProblems: string;
  fileDeleted: string;
  loading: string;
  readFailed: string;
  binaryFile: string;
  /** the terminal's line while vi/vim/nano wait on a file */
  waiting: (program: string, file: string) => string;
  /** the same for a file the user may not write */
  waitingReadOnly: (program: string, file: string) => string;
  /** a tab opened read-only (vim -R) */
  readOnly: string;
  /** a container's file could not be written back */
  saveFailed: string;
  /** opening a container's file again after a reload */
  fetching: string;
  /** the file tree's root: the learner's home or the whole machine */
  treeHome: string;
  treeRoot: string;
  treeRootTitle: string;
  treeHomeTitle: string;
  /** the Build button put a command in the terminal */
  buildTyped: (terminal: string, command: string) => string;
}

const en: EditorDictionary = {
  files: 'Files',
  newFile: 'New file',
  newFolder: 'New folder',
  newFileShort: '+ File',
  newFolderShort: '+ Folder',
  rename: 'Rename',
  delete: 'Delete',
  confirmDelete: (p) => `Delete ${p}? This cannot be undone.`,
  namePlaceholder: 'name, then Enter',
  errors: {
    'invalid-name': 'A name cannot be empty, ".", ".." or contain "/".',
    exists: 'Something with that name already exists here.',
    'not-found': 'It is not there any more.',
    'not-empty': 'The folder is not empty.',
    failed: 'The filesystem refused it.',
  },
  noFileOpen: 'Open a file from the tree on the left, or create one.',
  closeTab: 'Close',
  unsaved: 'unsaved',
  saved: 'saved',
  save: 'Save (Ctrl+S)',
  build: 'Build',
  buildTitle: (c) => `Type "${c}" into the terminal`,
  problems: (n) => (n === 1 ? '1 problem docker build would reject' : `${n} problems docker build would reject`),
  noProblems: 'No problems',
  fileDeleted: 'This file was deleted from the terminal.',
  loading: 'Loading the editor…',
  readFailed: 'Cannot read this file:',
  binaryFile: 'This file is not text; it is not shown.',
  waiting: (p, f) => `${p}: ${f} is open in the editor. Close its tab to come back here, or press any key.`,
  waitingReadOnly: (p, f) => `${p}: ${f} is open in the editor, read-only: you may not write it (sudo ${p} ${f} may). Close its tab to come back here, or press any key.`,
  readOnly: 'read-only',
  saveFailed: 'Not saved:',
  fetching: 'Reading the file from the container…',
  treeHome: '~',
  treeRoot: '/',
  treeRootTitle: 'Show the whole machine (/)',
  treeHomeTitle: 'Show your home folder (~)',
  buildTyped: (term, c) => `Typed into ${term}: ${c} — press Enter there to run it.`,
};

const zhCN: EditorDictionary = {
  files: '文件',
  newFile: '新建文件',
  newFolder: '新建文件夹',
  newFileShort: '+ 文件',
  newFolderShort: '+ 文件夹',
  rename: '重命名',
  delete: '删除',
  confirmDelete: (p) => `确定删除 ${p}？此操作无法撤销。`,
  namePlaceholder: '输入名称后按回车',
  errors: {
    'invalid-name': '名称不能为空，不能是“.”或“..”，也不能包含“/”。',
    exists: '这里已经有同名的文件或文件夹。',
    'not-found': '它已经不存在了。',
    'not-empty': '文件夹不是空的。',
    failed: '文件系统拒绝了这个操作。',
  },
  noFileOpen: '从左侧的文件树中打开一个文件，或者新建一个。',
  closeTab: '关闭',
  unsaved: '未保存',
  saved: '已保存',
  save: '保存（Ctrl+S）',
  build: '构建',
  buildTitle: (c) => `在终端中输入“${c}”`,
  problems: (n) => `${n} 个会被 docker build 拒绝的问题`,
  noProblems: '没有问题',
  fileDeleted: '这个文件已在终端中被删除。',
  loading: '正在加载编辑器……',
  readFailed: '无法读取这个文件：',
  binaryFile: '这不是文本文件，不予显示。',
  waiting: (p, f) => `${p}：${f} 已在编辑器中打开。关闭它的标签页即可回到这里，或按任意键。`,
  waitingReadOnly: (p, f) => `${p}：${f} 已在编辑器中以只读方式打开：你没有写它的权限（sudo ${p} ${f} 可以）。关闭它的标签页即可回到这里，或按任意键。`,
  readOnly: '只读',
  saveFailed: '未能保存：',
  fetching: '正在从容器中读取文件……',
  treeHome: '~',
  treeRoot: '/',
  treeRootTitle: '显示整台机器（/）',
  treeHomeTitle: '显示你的主目录（~）',
  buildTyped: (term, c) => `已输入到${term}：${c} —— 在那里按回车运行。`,
};

export const editorDictionaries: Record<Lang, EditorDictionary> = { en, 'zh-CN': zhCN };
