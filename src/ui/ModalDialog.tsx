/**
 * A modal dialog on the native <dialog> element, which traps focus and restores it on close.
 * Escape (the browser's cancel) calls `onClose` instead of closing behind React's back.
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  titleId: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}

export function ModalDialog({ titleId, className, onClose, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
