/**
 * The layer rules of ARCHITECTURE.md as data, and a checker over a list of
 * { path, text } files (paths relative to the repository, POSIX separators).
 * Used by check-imports.mjs (real tree) and layering.test.ts (fake files).
 */

/** import specifiers of a module: static/dynamic imports, re-exports, require() */
export function importsOf(text) {
  const out = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const rx of patterns) for (const m of text.matchAll(rx)) out.push(m[1]);
  return out;
}

/** Resolve a specifier to a repo path ("src/engine/x") or keep a bare package name. */
export function resolveSpecifier(fromPath, spec) {
  if (!spec.startsWith('.')) return spec;
  const parts = fromPath.split('/').slice(0, -1);
  for (const seg of spec.split('/')) {
    if (seg === '.' || seg === '') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

const under = (p, dir) => p === dir || p.startsWith(`${dir}/`);

/** unit tests and their helpers may wire a real simulator */
const isTestFile = (p) => /\.test\.tsx?$/.test(p) || /(^|\/)test-[\w-]+\.tsx?$/.test(p) || /\.test-helper\.tsx?$/.test(p);

/** Remove comments and string contents so that `Date.now` in a comment is not an offence. */
export function stripCommentsAndStrings(text) {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    const d = text[i + 1];
    if (c === '/' && d === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && d === '*') {
      i += 2;
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === '\n') out += '\n';
        i++;
      }
      i += 2;
    } else if (c === '"' || c === "'" || c === '`') {
      const q = c;
      out += q;
      i++;
      while (i < n && text[i] !== q) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') out += '\n';
        i++;
      }
      out += q;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** import specifiers a module loads statically (not `import()`): what a chunk needs before it runs */
export function staticImportsOf(text) {
  const out = [];
  const patterns = [
    /\bimport\s+(?!type\b)(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?!type\b)(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+['"]([^'"]+)['"]/g,
  ];
  for (const rx of patterns) for (const m of text.matchAll(rx)) out.push(m[1]);
  return out;
}

/**
 * The first frame (the page's entry up to a prompt that takes keys) loads
 * xterm.js and little else: the app comes in by import() after the prompt.
 */
const isFirstFrame = (p) => !isTestFile(p) && (p === 'src/app/main.ts' || under(p, 'src/ui/boot') || p === 'src/ui/terminal/boot-terminal.ts');
const FIRST_FRAME_FORBIDDEN = ['src/store', 'src/engine', 'src/shell', 'src/cli', 'src/client', 'src/course', 'src/app', 'src/ui/editor', 'src/ui/state-view', 'src/ui/lesson'];
const FIRST_FRAME_ALLOWED = ['src/engine/registry/catalog-file', 'src/app/styles.css'];
const FIRST_FRAME_PACKAGES = ['react', 'react-dom', 'zustand', 'monaco-editor', 'marked', 'yaml', 'zod', 'idb-keyval', 'fflate', '@noble'];

const ENGINE_FORBIDDEN_GLOBALS = [
  [/\bwindow\s*[.[]/, 'window'],
  [/\bdocument\s*[.[]/, 'document'],
  [/(?<![.\w])fetch\s*\(/, 'fetch('],
  [/\bDate\s*\.\s*now\b/, 'Date.now'],
  [/\bMath\s*\.\s*random\b/, 'Math.random'],
  [/(?<![.\w])setTimeout\b/, 'setTimeout'],
  [/(?<![.\w])setInterval\b/, 'setInterval'],
];

/**
 * Check files; returns offences as strings "path: message".
 * @param {{path: string, text: string}[]} files
 */
export function checkLayering(files) {
  const offences = [];
  for (const { path, text } of files) {
    if (!path.startsWith('src/')) continue;
    const targets = importsOf(text).map((spec) => ({ spec, to: resolveSpecifier(path, spec) }));
    const bad = (msg) => offences.push(`${path}: ${msg}`);
    for (const { spec, to } of targets) {
      const isXterm = spec === '@xterm' || spec.startsWith('@xterm/');
      const isMonaco = spec === 'monaco-editor' || spec.startsWith('monaco-editor/');
      if (isXterm && !under(path, 'src/ui/terminal')) bad(`imports ${spec} (only src/ui/terminal may import @xterm/*)`);
      if (isMonaco && !under(path, 'src/ui/editor')) bad(`imports ${spec} (only src/ui/editor may import monaco-editor)`);
      if (!to.startsWith('src/') && !spec.startsWith('.')) {
        // a package (vitest, @noble/hashes, node:fs): only the xterm/monaco rules apply
        continue;
      }
      if (under(path, 'src/cli')) {
        for (const d of ['engine', 'shell', 'server', 'ui', 'runner', 'app'])
          if (under(to, `src/${d}`)) bad(`imports ${spec} (src/cli never imports src/${d})`);
      }
      if (under(path, 'src/engine')) {
        for (const d of ['cli', 'shell', 'client', 'ui', 'server', 'runner', 'app'])
          if (under(to, `src/${d}`)) bad(`imports ${spec} (src/engine never imports src/${d})`);
      }
      if ((under(path, 'src/ui') || under(path, 'src/store')) && !isTestFile(path)) {
        for (const d of ['engine', 'runner', 'server'])
          if (under(to, `src/${d}`)) bad(`imports ${spec} (the UI and its store reach Docker only through the client interface, never src/${d})`);
      }
      if (under(path, 'src/shell') && !isTestFile(path)) {
        for (const d of ['engine', 'cli', 'client', 'ui', 'store', 'server', 'runner', 'app'])
          if (under(to, `src/${d}`)) bad(`imports ${spec} (src/shell never imports src/${d})`);
      }
      if (under(path, 'src/client') && !isTestFile(path)) {
        for (const d of ['cli', 'shell', 'ui', 'store', 'runner', 'app', 'server'])
          if (under(to, `src/${d}`)) bad(`imports ${spec} (src/client never imports src/${d})`);
      }
      if (under(path, 'src/course') && !isTestFile(path)) {
        for (const d of ['engine', 'cli', 'shell', 'ui', 'store', 'runner', 'app', 'server'])
          if (under(to, `src/${d}`)) bad(`imports ${spec} (src/course checks lessons through the client interface and the host FS only, never src/${d})`);
      }
      if (under(path, 'src/server') && !isTestFile(path)) {
        for (const d of ['cli', 'shell', 'ui', 'store', 'runner', 'app'])
          if (under(to, `src/${d}`)) bad(`imports ${spec} (src/server never imports src/${d})`);
      }
      if (under(path, 'src/api') && !under(to, 'src/api')) bad(`imports ${spec} (src/api imports nothing outside src/api)`);
      if (under(path, 'src/lib') && !under(to, 'src/lib')) bad(`imports ${spec} (src/lib imports nothing outside src/lib)`);
    }
    if (isFirstFrame(path)) {
      for (const spec of staticImportsOf(text)) {
        const to = resolveSpecifier(path, spec).replace(/\.tsx?$/, '');
        const pkg = !spec.startsWith('.') && FIRST_FRAME_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`));
        const layer = spec.startsWith('.') && !FIRST_FRAME_ALLOWED.includes(to) && FIRST_FRAME_FORBIDDEN.some((d) => under(to, d));
        if (pkg || layer) bad(`imports ${spec} statically (the first frame loads xterm.js and the boot code only; the app comes by import() after the prompt)`);
      }
    }
    if (under(path, 'src/engine') && !/\.test\.tsx?$/.test(path)) {
      const code = stripCommentsAndStrings(text);
      for (const [rx, name] of ENGINE_FORBIDDEN_GLOBALS) {
        if (rx.test(code)) bad(`uses ${name} (the engine takes time and randomness from its Clock and IdSource)`);
      }
    }
  }
  return offences;
}
