import type { ReactNode } from 'react';
import { Form, InputNumber } from 'antd';

/** A labelled control inside the designer's (store-less) forms. */
export function Field({ id, label, extra, children }: { id: string; label: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Form.Item label={label} htmlFor={id} extra={extra} style={{ marginBottom: 8 }}>
      {children}
    </Form.Item>
  );
}

type NumberFieldProps = {
  id: string;
  label: string;
  /** 毫米, 磅, 字, 倍. */
  unit: string;
  value: number | undefined;
  /** `undefined` when emptied: the optional setting falls back to its default. */
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  precision?: number;
  placeholder?: string;
  disabled?: boolean;
};

/** A number with its unit (millimetres for sizes on paper, points for font sizes). */
export function NumberField({ id, label, unit, value, onChange, min, max, step, precision, placeholder, disabled }: NumberFieldProps) {
  return (
    <Field id={id} label={label}>
      <InputNumber
        id={id}
        value={value ?? null}
        min={min}
        max={max}
        step={step}
        precision={precision}
        placeholder={placeholder}
        disabled={disabled}
        suffix={unit}
        style={{ width: '100%' }}
        onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
      />
    </Field>
  );
}
