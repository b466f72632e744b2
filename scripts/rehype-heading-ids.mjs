/**
 * Gives every h2/h3 in an article a stable id (a slug of its text) so the table of contents can link to it.
 * Duplicate headings get -2, -3 … suffixes.
 */
export function slugify(text) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-');
}

function textOf(node) {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

export function rehypeHeadingIds() {
  return (tree) => {
    const seen = new Map();
    const visit = (node) => {
      if (node.type === 'element' && /^h[23]$/.test(node.tagName)) {
        const base = slugify(textOf(node)) || 'section';
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        node.properties = { ...node.properties, id: n === 1 ? base : `${base}-${n}` };
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
