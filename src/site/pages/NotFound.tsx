import { articles, articlePath } from '../routes';

export function NotFound() {
  return (
    <div className="not-found prose">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may have a typo.</p>
      <p>These are the articles in the guide:</p>
      <ul>
        {articles.map((article) => (
          <li key={article.slug}>
            <a href={articlePath(article.slug)}>{article.title}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href="/">Back to the home page</a>
      </p>
    </div>
  );
}
