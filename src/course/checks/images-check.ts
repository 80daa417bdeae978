/**
 * `images:` — how many images match a `docker images` filter (dangling,
 * reference, label): "no dangling image is left", "two images of mongo".
 */
import type { ImagesCheck } from '../format/check-schema';
import { type Text, text } from '../model';
import type { CheckPass, Outcome } from './context';
import { countOk, countProblem, singular, thereAre } from './count';
import { imageNames } from './image-check';
import { listText } from './say';

function noun(c: ImagesCheck): Text {
  const parts: Text[] = [];
  const sel = c.images;
  if (sel.dangling === true) parts.push(text('dangling images', '虚悬镜像'));
  else if (sel.dangling === false) parts.push(text('tagged images', '有标签的镜像'));
  else parts.push(text('images', '镜像'));
  let en = parts[0].en;
  let zh = parts[0]['zh-CN'];
  if (sel.reference) {
    en += ` of ${sel.reference}`;
    zh = `${sel.reference} 的${zh}`;
  }
  if (sel.label) {
    en += ` labeled ${sel.label}`;
    zh = `带标签 ${sel.label} 的${zh}`;
  }
  return text(en, zh);
}

export async function imagesCheck(c: ImagesCheck, pass: CheckPass): Promise<Outcome> {
  const filters: Record<string, string[]> = {};
  if (c.images.dangling !== undefined) filters.dangling = [String(c.images.dangling)];
  if (c.images.reference) filters.reference = [c.images.reference];
  if (c.images.label) filters.label = [c.images.label];
  const found = await pass.images(filters);
  const what = noun(c);
  const expect = thereAre(c, what);
  if (countOk(found.length, c)) return { ok: true, expect, problem: expect };
  const names = imageNames(found);
  return { ok: false, expect, problem: countProblem(found.length, c, what, singular(what.en), listText(names)) };
}
