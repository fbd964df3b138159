import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Keyboard for the handling dialogs, used all day at the window:
 * - Enter submits (Shift+Enter: new line in an opinion box; Ctrl/⌘+Enter also submits);
 * - Enter while a dropdown is open picks the option, and Enter during Chinese IME composition
 *   confirms the composition — neither submits;
 * - Esc closes an open dropdown only, not the dialog with its typed opinion.
 * A dialog without inputs still takes Enter: the wrapper takes focus when nothing inside has it.
 */
export function DialogKeyboard({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const t = setTimeout(() => {
      const el = ref.current;
      if (el && !el.contains(document.activeElement)) el.focus();
    }, 100);
    return () => clearTimeout(t);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target instanceof HTMLElement ? e.target : null;
    const expanded = target?.getAttribute('aria-expanded') === 'true';
    if (e.key === 'Escape' && expanded) {
      e.stopPropagation();
      return;
    }
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (expanded) return;
    if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || (target?.getAttribute('role') === 'button' && target !== ref.current)) return;
    const isTextArea = target instanceof HTMLTextAreaElement;
    if (isTextArea && e.shiftKey && !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    onSubmit();
  };
  return (
    <div ref={ref} tabIndex={-1} onKeyDown={onKeyDown} style={{ outline: 'none' }}>
      {children}
    </div>
  );
}
