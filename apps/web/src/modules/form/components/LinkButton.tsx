import type { ReactNode } from 'react';
import { Button } from 'antd';

/** A link-looking action that is a real, focusable button (antd Typography.Link without href is not reachable by keyboard). */
export function LinkButton({ onClick, children, danger, 'aria-label': ariaLabel }: { onClick: () => void; children: ReactNode; danger?: boolean; 'aria-label'?: string }) {
  return (
    <Button type="link" size="small" danger={danger} aria-label={ariaLabel} onClick={onClick} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}>
      {children}
    </Button>
  );
}
