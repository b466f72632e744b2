/** Theme choice: 'light' or 'dark' chosen by the reader, or null to follow the system setting. */
export type Theme = 'light' | 'dark';
export const THEME_KEY = 'interleave-theme';

export function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

export function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function effectiveTheme(): Theme {
  return storedTheme() ?? systemTheme();
}

const listeners = new Set<() => void>();

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage can be unavailable (private mode, quota); the theme still applies to this page.
  }
  listeners.forEach((listener) => listener());
}

/** Calls back when the theme changes: the reader's toggle, or the system setting while nothing is chosen. */
export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    media?.removeEventListener('change', listener);
  };
}

/**
 * The inline script that runs before first paint, so a stored choice never flashes the wrong theme.
 * It also marks the page as scripted (removes `no-js`). Its hash goes into the Content-Security-Policy.
 */
export const THEME_BOOT_SCRIPT = `(function(){var d=document.documentElement;d.classList.remove('no-js');try{var t=localStorage.getItem('${THEME_KEY}');if(t==='light'||t==='dark')d.dataset.theme=t}catch(e){}})();`;
