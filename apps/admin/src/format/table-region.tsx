import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen scrolls sideways inside this region, which takes the keyboard's
 * focus so it can be scrolled without a mouse (axe: scrollable-region-focusable). The tables
 * themselves get no `scroll` prop: antd's own scrolling box cannot be focused.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="cong-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
