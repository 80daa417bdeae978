/**
 * Markdown → Block/Inline trees (blocks.ts) through marked's lexer. Only the
 * lexer is used: nothing becomes HTML.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, Inline } from './blocks';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0' };

/** marked escapes code spans; a teacher may write &amp; in text */
export function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, k: string) => ENTITIES[k]).replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
}

const SHELL_LANGS = new Set(['sh', 'shell', 'bash', 'console', 'terminal', 'zsh']);

function safeHref(href: string): string | undefined {
  const h = href.trim();
  if (/^https?:\/\//i.test(h) || /^#\/lesson\//.test(h)) return h;
  return undefined;
}

export function inlines(tokens: readonly Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  const pushText = (v: string) => {
    if (!v) return;
    const last = out[out.length - 1];
    if (last?.t === 'text') last.v += v;
    else out.push({ t: 'text', v });
  };
  for (const tok of tokens ?? []) {
    switch (tok.type) {
      case 'text': {
        const t = tok as Tokens.Text;
        if (t.tokens && t.tokens.length > 0) for (const x of inlines(t.tokens)) x.t === 'text' ? pushText(x.v) : out.push(x);
        else pushText(decodeEntities(t.text));
        break;
      }
      case 'escape':
        pushText((tok as Tokens.Escape).text);
        break;
      case 'codespan':
        out.push({ t: 'code', v: decodeEntities((tok as Tokens.Codespan).text) });
        break;
      case 'em':
        out.push({ t: 'em', c: inlines((tok as Tokens.Em).tokens) });
        break;
      case 'strong':
        out.push({ t: 'strong', c: inlines((tok as Tokens.Strong).tokens) });
        break;
      case 'del':
        out.push({ t: 'del', c: inlines((tok as Tokens.Del).tokens) });
        break;
      case 'br':
        out.push({ t: 'br' });
        break;
      case 'link': {
        const l = tok as Tokens.Link;
        const href = safeHref(l.href);
        const c = inlines(l.tokens);
        if (href) out.push({ t: 'link', href, c });
        else out.push(...c);
        break;
      }
      case 'image':
        pushText((tok as Tokens.Image).text);
        break;
      default:
        // raw HTML and anything unknown: shown as the text it is
        pushText(decodeEntities(tok.raw));
    }
  }
  return out;
}

export function inlineMarkdown(src: string): Inline[] {
  return inlines(Lexer.lexInline(src));
}

/** parse the info string of a fence: "sh T2" → shell, runs in terminal 2; "sh norun" → not runnable */
function codeBlock(tok: Tokens.Code): Block {
  const words = (tok.lang ?? '').trim().split(/\s+/).filter(Boolean);
  const lang = words[0] ?? '';
  const terminal = words.find((w) => /^T\d+$/.test(w));
  const block: Block = { t: 'code', lang, text: tok.text };
  if (SHELL_LANGS.has(lang.toLowerCase()) && !words.includes('norun')) block.run = terminal ? { terminal } : {};
  return block;
}

export function blocks(tokens: readonly Token[]): Block[] {
  const out: Block[] = [];
  for (const tok of tokens) {
    switch (tok.type) {
      case 'space':
      case 'def':
        break;
      case 'paragraph':
        out.push({ t: 'p', c: inlines((tok as Tokens.Paragraph).tokens) });
        break;
      case 'text': {
        const t = tok as Tokens.Text;
        out.push({ t: 'p', c: t.tokens ? inlines(t.tokens) : [{ t: 'text', v: decodeEntities(t.text) }] });
        break;
      }
      case 'heading': {
        const h = tok as Tokens.Heading;
        out.push({ t: 'h', level: h.depth, c: inlines(h.tokens) });
        break;
      }
      case 'code':
        out.push(codeBlock(tok as Tokens.Code));
        break;
      case 'list': {
        const l = tok as Tokens.List;
        const block: Block = { t: 'list', ordered: l.ordered, items: l.items.map((i) => blocks(i.tokens)) };
        if (l.ordered && typeof l.start === 'number' && l.start !== 1) block.start = l.start;
        out.push(block);
        break;
      }
      case 'blockquote':
        out.push({ t: 'quote', c: blocks((tok as Tokens.Blockquote).tokens) });
        break;
      case 'table': {
        const tb = tok as Tokens.Table;
        out.push({ t: 'table', head: tb.header.map((c) => inlines(c.tokens)), rows: tb.rows.map((r) => r.map((c) => inlines(c.tokens))) });
        break;
      }
      case 'hr':
        out.push({ t: 'hr' });
        break;
      default:
        out.push({ t: 'p', c: [{ t: 'text', v: tok.raw.trim() }] });
    }
  }
  return out;
}

export function markdownBlocks(src: string): Block[] {
  return blocks(new Lexer().lex(src));
}
