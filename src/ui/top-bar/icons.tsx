/** Small line icons for the top bar (inline SVG, currentColor, hidden from screen readers). */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

export const UndoIcon = () => (
  <Icon>
    <path d="M5 3 2 6l3 3M2 6h7.5a4 4 0 0 1 0 8H7" />
  </Icon>
);
export const RedoIcon = () => (
  <Icon>
    <path d="M11 3l3 3-3 3M14 6H6.5a4 4 0 0 0 0 8H9" />
  </Icon>
);
export const ResetIcon = () => (
  <Icon>
    <path d="M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v3h3" />
  </Icon>
);
export const ExportIcon = () => (
  <Icon>
    <path d="M8 2v8M5 7l3 3 3-3M3 12v2h10v-2" />
  </Icon>
);
export const ImportIcon = () => (
  <Icon>
    <path d="M8 10V2M5 5l3-3 3 3M3 12v2h10v-2" />
  </Icon>
);
export const HelpIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6" />
    <path d="M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4M8 11.6v.1" />
  </Icon>
);
export const GlobeIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="6" />
    <path d="M2 8h12M8 2c1.8 1.7 2.6 3.7 2.6 6S9.8 12.3 8 14M8 2C6.2 3.7 5.4 5.7 5.4 8s.8 4.3 2.6 6" />
  </Icon>
);
export const Logo = () => (
  <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <rect x="3" y="9" width="4" height="4" rx="0.6" fill="#6cb6ff" />
    <rect x="8" y="9" width="4" height="4" rx="0.6" fill="#6cb6ff" />
    <rect x="13" y="9" width="4" height="4" rx="0.6" fill="#6cb6ff" />
    <rect x="8" y="4" width="4" height="4" rx="0.6" fill="#8ccfff" />
    <path d="M2 14.5h19c-.6 3.6-3.9 6-8.5 6-5 0-8.7-2.4-10.5-6Z" fill="#2f81f7" />
  </svg>
);
