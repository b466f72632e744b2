import type { ArticleMeta, Heading } from 'virtual:articles';
import { articles, articlePath, type ArticleComponent } from '../routes';

interface TocEntry {
  heading: Heading;
  children: Heading[];
}

/** Groups h3 headings under the h2 before them. */
export function tocTree(headings: Heading[]): TocEntry[] {
  const tree: TocEntry[] = [];
  for (const heading of headings) {
    const parent = tree[tree.length - 1];
    if (heading.depth === 3 && parent) parent.children.push(heading);
    else tree.push({ heading, children: [] });
  }
  return tree;
}

function TableOfContents({ article }: { article: ArticleMeta }) {
  if (article.headings.length === 0) return null;
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <details open>
        <summary id="toc-heading">On this page</summary>
        <ol>
          {tocTree(article.headings).map(({ heading, children }) => (
            <li key={heading.id}>
              <a href={`#${heading.id}`}>{heading.text}</a>
              {children.length > 0 ? (
                <ul>
                  {children.map((h) => (
                    <li key={h.id}>
                      <a href={`#${h.id}`}>{h.text}</a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}

function PrevNext({ article }: { article: ArticleMeta }) {
  const index = articles.findIndex((a) => a.slug === article.slug);
  const prev = index > 0 ? articles[index - 1] : undefined;
  const next = index < articles.length - 1 ? articles[index + 1] : undefined;
  if (!prev && !next) return null;
  return (
    <nav className="prev-next" aria-label="Previous and next articles">
      {prev ? (
        <a className="prev" href={articlePath(prev.slug)} rel="prev">
          <span className="prev-next-label">Previous</span>
          <span className="prev-next-title">{prev.title}</span>
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a className="next" href={articlePath(next.slug)} rel="next">
          <span className="prev-next-label">Next</span>
          <span className="prev-next-title">{next.title}</span>
        </a>
      ) : null}
    </nav>
  );
}

export function ArticlePage({ article, Content }: { article: ArticleMeta; Content: ArticleComponent }) {
  return (
    <div className="article-layout">
      <article className="article" aria-labelledby="article-title">
        <header className="article-header">
          <h1 id="article-title">{article.title}</h1>
          <p className="lede">
            {article.summary} <span className="article-meta">{article.readingTime} min read</span>
          </p>
        </header>
        <TableOfContents article={article} />
        <div className="prose">
          <Content />
        </div>
      </article>
      <PrevNext article={article} />
    </div>
  );
}
