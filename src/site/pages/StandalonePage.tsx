import type { ArticleMeta } from 'virtual:articles';
import type { ArticleComponent } from '../routes';

/** A page outside the reading order (a demo, the playground): title, summary, content. */
export function StandalonePage({ page, Content }: { page: ArticleMeta; Content: ArticleComponent }) {
  return (
    <div className="article-layout">
      <article className="article" aria-labelledby="article-title">
        <header className="article-header">
          <h1 id="article-title">{page.title}</h1>
          <p className="lede">{page.summary}</p>
        </header>
        <div className="prose">
          <Content />
        </div>
      </article>
    </div>
  );
}
