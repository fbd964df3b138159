import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { policeTypeLabels } from '@jsga/contracts';
import { useDebouncedValue } from '../../../app/hooks';
import { useSuggestions } from '../api';
import { matterPath } from '../labels';

/**
 * 事项搜索: suggestions (tolerant of typos) as the citizen types; choosing one opens its guide, Enter
 * or the button lists the results. Suggestions for an older text are never offered.
 */
export function SearchBox({ initial = '', size = 'large', autoFocus }: { initial?: string; size?: 'large' | 'middle'; autoFocus?: boolean }) {
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);
  const typed = text.trim();
  const debounced = useDebouncedValue(typed, 250);
  const suggest = useSuggestions(debounced);
  const current = typed !== '' && typed === debounced && !suggest.isPlaceholderData;
  const options = current
    ? (suggest.data?.items ?? []).map((m) => ({
      value: m.code,
      label: (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '4px 0' }}>
          <span style={{ whiteSpace: 'normal' }}>{m.name}</span>
          {m.policeType && <Tag style={{ marginInlineEnd: 0, alignSelf: 'center' }}>{policeTypeLabels[m.policeType]}</Tag>}
        </div>
      ),
    }))
    : [];
  // Enter on a highlighted suggestion selects it; the search box sees the same Enter: the selection wins.
  const selected = useRef(false);
  // closed once the citizen searches or picks, so the list never covers the page it leads to
  const [open, setOpen] = useState(false);

  return (
    <AutoComplete
      value={text}
      options={options}
      open={open && options.length > 0}
      onOpenChange={setOpen}
      onChange={(v: string) => { setText(v); setOpen(true); }}
      onSelect={(code: string) => {
        selected.current = true;
        setOpen(false);
        setText('');
        navigate(matterPath(code));
      }}
      style={{ width: '100%' }}
      popupMatchSelectWidth
    >
      <Input.Search
        aria-label="搜索办事事项"
        placeholder="输入事项名称，如：户口迁移、身份证"
        enterButton="搜索"
        size={size}
        allowClear
        autoFocus={autoFocus}
        onSearch={(value, _e, info) => {
          if (info?.source === 'clear') return;
          setOpen(false);
          setTimeout(() => {
            if (selected.current) { selected.current = false; return; }
            const q = value.trim();
            navigate(q ? `/portal/search?q=${encodeURIComponent(q)}` : '/portal/search');
          }, 0);
        }}
      />
    </AutoComplete>
  );
}
