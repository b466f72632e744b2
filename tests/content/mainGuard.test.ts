// @vitest-environment node
/**
 * Every Python program in the articles and pages that starts processes has the main guard: without
 * `if __name__ == "__main__":`, spawn and forkserver (macOS, Windows, Linux from 3.14) re-run the module
 * in every child, which fails. One test per such block, named by file and line.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

interface PythonBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
}

function pythonBlocks(file: string, text: string): PythonBlock[] {
  const blocks: PythonBlock[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(python|py)\b/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].trim().startsWith(fence); j++) body.push(lines[j]);
    blocks.push({ file, line: i + 1, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** Whether a program starts processes: multiprocessing, a ProcessPoolExecutor or a Pool. */
function startsProcesses(code: string): boolean {
  return /\bmultiprocessing\b|\bProcessPoolExecutor\b|\bPool\s*\(|\bProcess\s*\(/.test(code);
}

function hasMainGuard(code: string): boolean {
  return /^if\s+__name__\s*==\s*(['"])__main__\1\s*:/m.test(code);
}

const sources = ['content/articles', 'content/pages'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => `${dir}/${f}`),
);
const blocks = sources.flatMap((file) => pythonBlocks(file, readFileSync(join(root, file), 'utf8')));
const starting = blocks.filter((b) => startsProcesses(b.code));

describe('Python blocks that start processes', () => {
  it('there are Python blocks to check, and some start processes', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(starting.length).toBeGreaterThan(0);
  });

  it.each(starting.map((b) => [`${b.file}:${b.line}`, b] as const))(
    '%s has if __name__ == "__main__":',
    (_name, block) => {
      expect(hasMainGuard(block.code), `${block.file}, the python block at line ${block.line}:\n${block.code}`).toBe(true);
    },
  );
});

describe('the checks themselves', () => {
  it('finds fenced python blocks with their lines', () => {
    const text = 'prose\n```python\nimport time\n```\n\n```js\nx\n```\n```python\nfrom multiprocessing import Pool\n```\n';
    expect(pythonBlocks('a.mdx', text)).toEqual([
      { file: 'a.mdx', line: 2, code: 'import time' },
      { file: 'a.mdx', line: 9, code: 'from multiprocessing import Pool' },
    ]);
  });

  it('tells programs that start processes from those that do not', () => {
    expect(startsProcesses('from concurrent.futures import ProcessPoolExecutor')).toBe(true);
    expect(startsProcesses('with Pool(4) as pool:')).toBe(true);
    expect(startsProcesses('p = mp.Process(target=f)')).toBe(true);
    expect(startsProcesses('with ThreadPoolExecutor(4) as pool:')).toBe(false);
    expect(startsProcesses('threading.Thread(target=f)')).toBe(false);
  });

  it('accepts the guard with either quote and only at the top level', () => {
    expect(hasMainGuard('if __name__ == "__main__":\n    main()')).toBe(true);
    expect(hasMainGuard("if __name__ == '__main__':\n    main()")).toBe(true);
    expect(hasMainGuard('def f():\n    if __name__ == "__main__":\n        main()')).toBe(false);
    expect(hasMainGuard('main()')).toBe(false);
  });
});
