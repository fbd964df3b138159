import { createContext, useContext, type SyntheticEvent } from 'react';
import { Input } from 'antd';
import type { TextPath } from './model';

/** The text field a variable is inserted into: the one last focused, with its caret. */
export type TextTarget = { path: TextPath; label: string; start: number; end: number; el: HTMLInputElement | HTMLTextAreaElement };

export const TextTargetContext = createContext<(t: TextTarget) => void>(() => {});

type Props = {
  id: string;
  path: TextPath;
  /** Names the field in the variable panel (“第 2 块（段落）内容”). */
  targetLabel: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  multiline?: boolean;
  placeholder?: string;
  'aria-label'?: string;
};

/** A template text (may carry `{{placeholders}}`): remembers itself and its caret as the insertion target. */
export function TextInput({ id, path, targetLabel, value, onChange, disabled, multiline, placeholder, 'aria-label': ariaLabel }: Props) {
  const track = useContext(TextTargetContext);
  const remember = (e: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    track({ path, label: targetLabel, start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length, el });
  };
  const common = { id, value, disabled, placeholder, 'aria-label': ariaLabel, onFocus: remember, onSelect: remember, onKeyUp: remember, onClick: remember, onBlur: remember };
  return multiline ? (
    <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 12 }} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Input {...common} onChange={(e) => onChange(e.target.value)} />
  );
}
