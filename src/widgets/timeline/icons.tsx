/** Small inline icons for the playback buttons (decorative; buttons carry the names). */
const P = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export const IconPlay = () => (
  <svg {...P}>
    <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
  </svg>
);
export const IconPause = () => (
  <svg {...P}>
    <path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor" />
  </svg>
);
export const IconStepBack = () => (
  <svg {...P}>
    <path d="M3 3h2v10H3zM13 3v10L6 8z" fill="currentColor" />
  </svg>
);
export const IconStepForward = () => (
  <svg {...P}>
    <path d="M11 3h2v10h-2zM3 3v10l7-5z" fill="currentColor" />
  </svg>
);
export const IconStart = () => (
  <svg {...P}>
    <path d="M2 3h2v10H2zM9 3v10L4 8zM15 3v10L10 8z" fill="currentColor" />
  </svg>
);
export const IconEnd = () => (
  <svg {...P}>
    <path d="M12 3h2v10h-2zM7 3v10l5-5zM1 3v10l5-5z" fill="currentColor" />
  </svg>
);
export const IconLoop = () => (
  <svg {...P}>
    <path
      d="M3 7a4 4 0 0 1 4-4h4.5M13 9a4 4 0 0 1-4 4H4.5M10 1l2 2-2 2M6 11l-2 2 2 2"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);
export const IconZoomIn = () => (
  <svg {...P}>
    <path
      d="M7 2a5 5 0 1 0 3 9l3.5 3.5 1-1L11 10A5 5 0 0 0 7 2zm0 1.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM6.3 5v1.3H5v1.4h1.3V9h1.4V7.7H9V6.3H7.7V5z"
      fill="currentColor"
    />
  </svg>
);
export const IconZoomOut = () => (
  <svg {...P}>
    <path
      d="M7 2a5 5 0 1 0 3 9l3.5 3.5 1-1L11 10A5 5 0 0 0 7 2zm0 1.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM5 6.3v1.4h4V6.3z"
      fill="currentColor"
    />
  </svg>
);
export const IconFit = () => (
  <svg {...P}>
    <path d="M1 3h1.5v10H1zM13.5 3H15v10h-1.5zM4 7.25h8v1.5H4zM4 8l2.5-2.5v5zM12 8 9.5 5.5v5z" fill="currentColor" />
  </svg>
);
