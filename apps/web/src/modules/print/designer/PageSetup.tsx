import { memo } from 'react';
import { Button, Col, Input, Row, Typography } from 'antd';
import type { PrintTemplateDefinition } from '@jsga/contracts';
import { Field, NumberField } from './fields';
import { A4_MM, gbMargins, withOptional, type UpdateDefinition } from './model';
import { TextInput } from './TextInput';

type Margins = PrintTemplateDefinition['page']['margins'];
const sides: Array<{ key: keyof Margins; label: string }> = [
  { key: 'top', label: '上边距' },
  { key: 'bottom', label: '下边距' },
  { key: 'left', label: '左边距' },
  { key: 'right', label: '右边距' },
];

type Props = {
  title: string;
  onTitle: (title: string) => void;
  margins: Margins;
  fontSize: number | undefined;
  lineHeight: number | undefined;
  footer: string | undefined;
  update: UpdateDefinition;
  disabled: boolean;
};

/** 名称 and 页面设置: A4 margins in millimetres, body font size in points, line height, footer. */
export const PageSetup = memo(function PageSetup({ title, onTitle, margins: m, fontSize, lineHeight, footer, update, disabled }: Props) {
  const setMargins = (margins: Margins) => update((def) => ({ ...def, page: { ...def.page, margins } }));
  const setMargin = (key: keyof Margins, v: number | undefined) => setMargins({ ...m, [key]: v ?? 0 });
  const isGb = sides.every((s) => m[s.key] === gbMargins[s.key]);
  return (
    <>
      <Field id="pt-title" label="模板名称">
        <Input id="pt-title" maxLength={100} disabled={disabled} value={title} onChange={(e) => onTitle(e.target.value)} />
      </Field>
      <Row gutter={8}>
        {sides.map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <NumberField id={`pt-margin-${s.key}`} label={s.label} unit="毫米" min={0} max={100} disabled={disabled} value={m[s.key]} onChange={(v) => setMargin(s.key, v)} />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        A4（210 × 297 毫米），版心 {A4_MM.width - m.left - m.right} × {A4_MM.height - m.top - m.bottom} 毫米。
        {!isGb && !disabled && (
          <Button type="link" size="small" onClick={() => setMargins({ ...gbMargins })}>
            恢复公文页边距（GB/T 9704）
          </Button>
        )}
      </Typography.Paragraph>
      <Row gutter={8}>
        <Col span={12}>
          <NumberField id="pt-fontSize" label="正文字号" unit="磅" min={8} max={36} placeholder="默认 14" disabled={disabled} value={fontSize} onChange={(v) => update((def) => withOptional(def, 'fontSize', v))} />
        </Col>
        <Col span={12}>
          <NumberField id="pt-lineHeight" label="行距" unit="倍" min={1} max={3} step={0.1} precision={2} placeholder="默认 1.6" disabled={disabled} value={lineHeight} onChange={(v) => update((def) => withOptional(def, 'lineHeight', v))} />
        </Col>
      </Row>
      <Field id="pt-footer" label="页脚" extra="每页底部居中的小字；可用 {{page}} 页码、{{pages}} 总页数">
        <TextInput id="pt-footer" path={['footer']} targetLabel="页脚" placeholder="无页脚" disabled={disabled} value={footer ?? ''} onChange={(v) => update((def) => withOptional(def, 'footer', v))} />
      </Field>
    </>
  );
});
