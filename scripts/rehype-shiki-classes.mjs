/**
 * Runs after Shiki: gives each highlighted token a short class for its colour pair (light and dark theme)
 * instead of an inline style, so a block carries `class="k"` where it carried
 * `style="color:#A0111F;--shiki-dark:#FF9492"`. src/site/styles/code.css holds one rule per class, setting
 * the same two values the style did (the dark theme's rules read `--shiki-dark` as before). Tokens in the
 * block's own colours lose their span (the text inherits them from the <pre>), and neighbouring tokens of
 * one class in a line become one span. A pair not in TOKEN_CLASSES keeps its inline style.
 */

/** Colour pairs of the two themes (github-light-high-contrast, github-dark-high-contrast) → class. */
export const TOKEN_CLASSES = {
  '#A0111F|#FF9492': 'k',
  '#023B95|#91CBFF': 'n',
  '#032563|#ADDCFF': 's',
  '#66707B|#BDC4CC': 'c',
  '#622CBC|#DBB7FF': 'f',
  '#702C00|#FFB757': 'v',
  '#024C1A|#72F088': 'p',
};

const PAIR = /^color:(#[0-9a-fA-F]{3,8});--shiki-dark:(#[0-9a-fA-F]{3,8})$/;

/** The colour pair a style sets, as 'LIGHT|DARK' in upper case, or null. */
export function stylePair(style) {
  const m = PAIR.exec(String(style ?? '').trim());
  return m ? `${m[1].toUpperCase()}|${m[2].toUpperCase()}` : null;
}

const isSpan = (node) => node.type === 'element' && node.tagName === 'span';

/** A node's classes, whether Shiki wrote them as `class` (a string) or hast's `className` (a list). */
function classesOf(node) {
  const p = node.properties ?? {};
  const c = p.className ?? p.class;
  if (c == null) return [];
  return Array.isArray(c) ? c.map(String) : String(c).split(/\s+/).filter(Boolean);
}

/** A token span this plugin wrote: one class and nothing else. */
function tokenClass(node) {
  if (!isSpan(node)) return undefined;
  const keys = Object.keys(node.properties ?? {});
  return keys.length === 1 && keys[0] === 'className' ? node.properties.className[0] : undefined;
}

/** One line's children, restyled: default tokens unwrapped, known pairs as classes, neighbours joined. */
function restyleLine(children, base) {
  const out = [];
  for (const child of children) {
    let node = child;
    if (isSpan(child) && classesOf(child).length === 0) {
      const pair = stylePair(child.properties?.style);
      if (pair === base) {
        for (const c of child.children) pushText(out, c);
        continue;
      }
      const cls = pair ? TOKEN_CLASSES[pair] : undefined;
      if (cls) node = { ...child, properties: { className: [cls] }, children: [...child.children] };
    }
    const prev = out[out.length - 1];
    const cls = tokenClass(node);
    if (cls && prev && tokenClass(prev) === cls) {
      for (const c of node.children) pushText(prev.children, c);
    } else pushText(out, node);
  }
  return out;
}

/** Appends a node, joining it to a text node before it. */
function pushText(list, node) {
  const prev = list[list.length - 1];
  if (node.type === 'text' && prev?.type === 'text') prev.value += node.value;
  else list.push(node.type === 'text' ? { ...node } : node);
}

const hasClass = (node, name) => classesOf(node).includes(name);

/** The block's own colour pair, from the <pre>'s style (`…;color:#0e1116;--shiki-dark:#f0f3f6`). */
function blockPair(pre) {
  const style = String(pre.properties?.style ?? '');
  const light = /(?:^|;)\s*color:\s*(#[0-9a-fA-F]{3,8})/.exec(style);
  const dark = /(?:^|;)\s*--shiki-dark:\s*(#[0-9a-fA-F]{3,8})/.exec(style);
  return light && dark ? `${light[1].toUpperCase()}|${dark[1].toUpperCase()}` : null;
}

export function rehypeShikiClasses() {
  return (tree) => {
    const visit = (node) => {
      if (node.type === 'element' && node.tagName === 'pre' && hasClass(node, 'shiki')) {
        const base = blockPair(node);
        const code = node.children.find((c) => c.type === 'element' && c.tagName === 'code');
        for (const line of code?.children ?? []) {
          if (isSpan(line) && hasClass(line, 'line')) line.children = restyleLine(line.children, base);
        }
        return;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
