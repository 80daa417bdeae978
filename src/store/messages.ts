/** The store's own texts for the learner (notices, storage errors) in English and Simplified Chinese. */
import type { Lang } from '../ui/i18n';

export interface StoreMessages {
  importNotJson: string;
  importForeign: string;
  importNewer(version: number): string;
  importDamaged(detail: string): string;
  importUnreadable(detail: string): string;
  imported: string;
  reset: string;
  storageQuota: string;
  storageFailed(detail: string): string;
  restoreFailed(detail: string): string;
}

const en: StoreMessages = {
  importNotJson: 'This file is not a Dockyard sandbox: it is not valid JSON (it may be truncated or damaged). Nothing was changed.',
  importForeign: 'This file was not exported by Dockyard (it has no "dockyard-sandbox" format marker). Nothing was changed.',
  importNewer: (v) => `This sandbox file was made by a newer version of Dockyard (format version ${v}; this version reads version 1). Nothing was changed.`,
  importDamaged: (d) => `This sandbox file is damaged (${d}). Nothing was changed.`,
  importUnreadable: (d) => `The file could not be read (${d}). Nothing was changed.`,
  imported: 'Sandbox imported. Undo returns to the sandbox you had before.',
  reset: 'The sandbox was reset. Undo brings the previous one back.',
  storageQuota:
    "The browser's storage is full: the sandbox could not be saved. Your work is still here in this tab; export it to a file or free some space (remove images or containers you no longer need).",
  storageFailed: (d) => `The sandbox could not be saved in the browser's storage (${d}). Your work is still here in this tab; export it to a file to keep it.`,
  restoreFailed: (d) => `The saved sandbox could not be restored (${d}); a fresh sandbox was started. The saved data is kept until the next change.`,
};

const zhCN: StoreMessages = {
  importNotJson: '这个文件不是 Dockyard 沙箱：它不是有效的 JSON（可能被截断或已损坏）。当前沙箱没有任何改动。',
  importForeign: '这个文件不是由 Dockyard 导出的（缺少 "dockyard-sandbox" 格式标记）。当前沙箱没有任何改动。',
  importNewer: (v) => `这个沙箱文件来自更新版本的 Dockyard（格式版本 ${v}；当前版本只能读取版本 1）。当前沙箱没有任何改动。`,
  importDamaged: (d) => `这个沙箱文件已损坏（${d}）。当前沙箱没有任何改动。`,
  importUnreadable: (d) => `无法读取这个文件（${d}）。当前沙箱没有任何改动。`,
  imported: '沙箱已导入。撤销可以回到导入之前的沙箱。',
  reset: '沙箱已重置。撤销可以恢复之前的沙箱。',
  storageQuota: '浏览器存储空间已满，沙箱无法保存。你的工作仍保留在这个标签页中；请将它导出为文件，或释放一些空间（删除不再需要的镜像或容器）。',
  storageFailed: (d) => `沙箱无法保存到浏览器存储中（${d}）。你的工作仍保留在这个标签页中；请将它导出为文件以免丢失。`,
  restoreFailed: (d) => `已保存的沙箱无法恢复（${d}），已启动一个新的沙箱。已保存的数据会保留到下一次改动为止。`,
};

const all: Record<Lang, StoreMessages> = { en, 'zh-CN': zhCN };

export function storeMessages(lang: Lang): StoreMessages {
  return all[lang] ?? en;
}
