import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});

// happy-dom lays nothing out, so its IntersectionObserver never reports an element in view. Without one,
// widgets that wait to be scrolled near (src/widgets/near) load at once, as in a browser that lacks it;
// tests of that waiting install their own observer.
Object.defineProperty(globalThis, 'IntersectionObserver', { value: undefined, writable: true, configurable: true });
