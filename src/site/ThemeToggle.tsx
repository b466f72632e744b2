import { useSyncExternalStore } from 'react';
import { applyTheme, effectiveTheme, subscribeTheme, type Theme } from './theme';

function MoonIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function SunIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="4.2" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="M12 2.5v2.2M12 19.3v2.2M4.6 4.6l1.6 1.6M17.8 17.8l1.6 1.6M2.5 12h2.2M19.3 12h2.2M4.6 19.4l1.6-1.6M17.8 6.2l1.6-1.6"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}

const serverTheme = (): Theme => 'light';

/**
 * Switches between light and dark. Until the reader chooses, the page follows the system setting; the choice
 * is stored and applied before paint on the next visit. The server renders the light state; after hydration
 * the button shows the real one, so server and client markup agree.
 */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribeTheme, effectiveTheme, serverTheme);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="theme-toggle needs-js"
      aria-label="Dark theme"
      aria-pressed={dark}
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      onClick={() => {
        const next: Theme = dark ? 'light' : 'dark';
        applyTheme(next);
      }}
    >
      {dark ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}
