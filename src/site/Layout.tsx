import type { ReactNode } from 'react';
import { SITE_NAME } from './routes';
import { ThemeToggle } from './ThemeToggle';

function Logo() {
  // Three interleaved lanes: the site's mark.
  return (
    <svg className="logo" viewBox="0 0 28 20" width="28" height="20" aria-hidden="true" focusable="false">
      <rect x="1" y="2" width="10" height="4" rx="1.5" className="logo-a" />
      <rect x="13" y="2" width="6" height="4" rx="1.5" className="logo-a" />
      <rect x="7" y="8" width="8" height="4" rx="1.5" className="logo-b" />
      <rect x="17" y="8" width="10" height="4" rx="1.5" className="logo-b" />
      <rect x="3" y="14" width="5" height="4" rx="1.5" className="logo-c" />
      <rect x="11" y="14" width="12" height="4" rx="1.5" className="logo-c" />
    </svg>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <a className="site-name" href="/">
            <Logo />
            <span>{SITE_NAME}</span>
          </a>
          <nav aria-label="Site" className="site-nav">
            <a href="/#articles">Articles</a>
          </nav>
          <ThemeToggle />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {SITE_NAME} simulates CPython’s schedulers; figures marked “measured” come from CPython 3.11 on a 2-core Linux
          machine.
        </p>
      </footer>
    </>
  );
}
