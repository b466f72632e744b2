/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdxFrontmatter from 'remark-mdx-frontmatter';
import rehypeShiki from '@shikijs/rehype';
import { rehypeHeadingIds } from './scripts/rehype-heading-ids.mjs';
import { rehypeShikiClasses } from './scripts/rehype-shiki-classes.mjs';
import { articlesPlugin } from './scripts/vite-plugin-articles.mjs';
import { scenariosPlugin } from './scripts/vite-plugin-scenarios.ts';
import { recorderPlugin } from './scripts/vite-plugin-recorder.mjs';
import { THEME_BOOT_SCRIPT } from './src/site/theme.ts';

export default defineConfig({
  plugins: [
    {
      enforce: 'pre',
      ...mdx({
        remarkPlugins: [remarkGfm, remarkFrontmatter, [remarkMdxFrontmatter, { name: 'frontmatter' }]],
        rehypePlugins: [
          rehypeHeadingIds,
          [
            rehypeShiki,
            {
              themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
              defaultColor: 'light',
              langs: ['python', 'text', 'json', 'bash'],
            },
          ],
          rehypeShikiClasses,
        ],
        providerImportSource: undefined,
      }),
    },
    react({ include: /\.(mdx|tsx|ts)$/ }),
    articlesPlugin(),
    scenariosPlugin(),
    recorderPlugin(),
    {
      // The theme is applied before first paint by a tiny inline script (hashed into the CSP at build time).
      name: 'interleave-theme-boot',
      transformIndexHtml: () => [{ tag: 'script', children: THEME_BOOT_SCRIPT, injectTo: 'head' }],
    },
  ],
  build: {
    target: 'es2022',
    cssCodeSplit: false,
    // Every browser that runs the es2022 bundle supports <link rel="modulepreload">: no polyfill.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The simulator is a chunk of its own: pages fetch it only when a figure wakes (ArticleTimeline.tsx),
        // so the modules the page loads at once must not share a chunk with it.
        codeSplitting: { groups: [{ name: 'sim', test: /\/src\/sim\// }] },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['./tests/setup/vitest.setup.ts'],
    include: [
      'src/**/*.test.{ts,tsx}',
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/content/**/*.test.{ts,tsx}',
      'tests/recorder/**/*.test.{ts,tsx}',
    ],
    css: false,
    // Several tests drive the whole simulator or a rendered figure and take 1–2 s here; on a busier machine
    // Vitest's default of 5 s per test turns that into a failure that says nothing about the code.
    testTimeout: 20_000,
    // Vitest leaves one of two cores idle by default; most files here wait on a child process (python3, tsx)
    // or on module loading, so two workers finish the run in a little over half the time.
    maxWorkers: 2,
  },
});
