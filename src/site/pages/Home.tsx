import { articles, articlePath, pages, SITE_TAGLINE } from '../routes';
import { HomeFigure } from './HomeFigure';

export { prepareHome } from './HomeFigure';

export function Home() {
  return (
    <div className="home">
      <section className="hero">
        <h1>Python concurrency, on a timeline you can hold</h1>
        <p className="lede">{SITE_TAGLINE}</p>
      </section>
      <HomeFigure />
      <p>
        Every article runs a workload like this one under several concurrency models and draws what happens: which task
        runs, which one waits, and who holds the GIL. Drag the playhead, step through events, and change the numbers to
        see when each model wins.
      </p>
      <section id="articles" aria-labelledby="articles-heading" className="article-list">
        <h2 id="articles-heading">Articles</h2>
        <ol>
          {articles.map((article) => (
            <li key={article.slug}>
              <a href={articlePath(article.slug)}>
                <span className="article-title">{article.title}</span>
                <span className="article-summary">{article.summary}</span>
                <span className="article-meta">{article.readingTime} min read</span>
              </a>
            </li>
          ))}
        </ol>
      </section>
      {pages.length > 0 ? (
        <section aria-labelledby="more-heading" className="article-list more-list">
          <h2 id="more-heading">More to explore</h2>
          <ul>
            {pages.map((page) => (
              <li key={page.slug}>
                <a href={articlePath(page.slug)}>
                  <span className="article-title">{page.title}</span>
                  <span className="article-summary">{page.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
