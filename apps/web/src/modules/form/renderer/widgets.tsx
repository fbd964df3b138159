import { useState } from 'react';
import { Button, Cascader, Checkbox, DatePicker, Input, InputNumber, Radio, Select, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { jiangsuCities, jiangsuProvince } from '@jsga/contracts';
import { birthDateOfId, idNumberProblem, sexOfId, type FieldDef } from '@jsga/form-engine';
import { feedback } from '../../../app/feedback';
import { downloadFormFile, uploadFormFile, useFileNames } from './files';
import { LinkButton } from '../components/LinkButton';

export interface WidgetProps {
  field: FieldDef;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur?: () => void;
  id: string;
  disabled?: boolean;
  invalid?: boolean;
  /** Accessible name when there is no visible <label> (sub-table cells). */
  ariaLabel?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const blankToUndefined = (v: string) => (v === '' ? undefined : v);

// ------------------------------------------------------------------ regions (GB/T 2260, 江苏)

export const regionOptions = [
  {
    value: jiangsuProvince.code,
    label: jiangsuProvince.name,
    children: jiangsuCities.map((c) => ({ value: c.code, label: c.name, children: c.counties.map((k) => ({ value: k.code, label: k.name })) })),
  },
];

/** Cascader path of a region code: province, city and county as far as the code goes. */
export function regionPath(code: unknown): string[] {
  if (typeof code !== 'string') return [];
  if (code === jiangsuProvince.code) return [code];
  for (const city of jiangsuCities) {
    if (city.code === code) return [jiangsuProvince.code, code];
    if (city.counties.some((k) => k.code === code)) return [jiangsuProvince.code, city.code, code];
  }
  return [];
}

export function regionName(code: unknown): string {
  const path = regionPath(code);
  if (!path.length) return str(code);
  const names: string[] = [jiangsuProvince.name];
  const city = jiangsuCities.find((c) => c.code === path[1]);
  if (city) names.push(city.name);
  const county = city?.counties.find((k) => k.code === path[2]);
  if (county) names.push(county.name);
  return names.join(' / ');
}

// ------------------------------------------------------------------ read-only display

export function optionLabel(field: FieldDef, v: unknown): string {
  return field.options?.find((o) => o.value === v)?.label ?? str(v);
}

/** A value as text, for read-only fields and sub-table summaries. */
export function displayText(field: FieldDef, v: unknown): string {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return '—';
  switch (field.type) {
    case 'select': case 'radio': return optionLabel(field, v);
    case 'multiselect': case 'checkbox': return list(v).map((x) => optionLabel(field, x)).join('、');
    case 'region': return regionName(v);
    case 'attachments': return `${list(v).length} 个文件`;
    case 'group': return `${list(v).length} 行`;
    default: return str(v);
  }
}

// ------------------------------------------------------------------ attachments

const acceptOf = (accept: string[] | undefined) => accept?.map((a) => (a.startsWith('.') || a.includes('/') ? a : `.${a}`)).join(',');

function AttachmentList({ ids, names }: { ids: string[]; names: Record<string, string> }) {
  if (!ids.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      {ids.map((id) => (
        <LinkButton key={id} onClick={() => downloadFormFile(id, names[id] ?? id).catch((e: Error) => feedback.message.error(e.message))}>
          <PaperClipOutlined /> {names[id] ?? `附件 ${id.slice(0, 8)}`}
        </LinkButton>
      ))}
    </Space>
  );
}

export function AttachmentsView({ value }: { value: unknown }) {
  const ids = list(value).filter((x): x is string => typeof x === 'string');
  const names = useFileNames(ids, {});
  return <AttachmentList ids={ids} names={names} />;
}

/** Uploads each chosen file to the files centre; the value is the list of stored file ids. */
function AttachmentsInput({ field, value, onChange, onBlur, id, disabled, ariaLabel }: WidgetProps) {
  const ids = list(value).filter((x): x is string => typeof x === 'string');
  const [uploaded, setUploaded] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(0);
  const names = useFileNames(ids, uploaded);
  const full = field.maxFiles !== undefined && ids.length >= field.maxFiles;
  return (
    <div onBlur={onBlur}>
      <Upload
        accept={acceptOf(field.accept)}
        multiple={field.maxFiles !== 1}
        showUploadList={false}
        disabled={disabled || full}
        customRequest={({ file }) => {
          setBusy((n) => n + 1);
          uploadFormFile(file as File)
            .then((stored) => {
              setUploaded((u) => ({ ...u, [stored.id]: stored.fileName }));
              // read the latest ids when the upload finishes (several may run at once)
              onChange((prev: unknown) => [...list(prev), stored.id]);
            })
            .catch((e: Error) => feedback.message.error(`${(file as File).name}：${e.message}`))
            .finally(() => setBusy((n) => n - 1));
        }}
      >
        <Button id={id} icon={<UploadOutlined />} disabled={disabled || full} loading={busy > 0} aria-label={ariaLabel ? `上传${ariaLabel}` : undefined}>
          {busy > 0 ? '正在上传…' : '选择文件'}
        </Button>
      </Upload>
      {field.accept?.length ? <Typography.Text type="secondary" style={{ marginLeft: 8 }}>支持 {field.accept.join('、')}</Typography.Text> : null}
      {ids.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
          {ids.map((fid) => (
            <li key={fid}>
              <Space size={4}>
                <LinkButton onClick={() => downloadFormFile(fid, names[fid] ?? fid).catch((e: Error) => feedback.message.error(e.message))}>
                  <PaperClipOutlined /> {names[fid] ?? `附件 ${fid.slice(0, 8)}`}
                </LinkButton>
                {!disabled && (
                  <Button type="link" size="small" danger aria-label={`移除 ${names[fid] ?? fid}`} onClick={() => onChange(ids.filter((x) => x !== fid))}>
                    移除
                  </Button>
                )}
              </Space>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// ------------------------------------------------------------------ one input per field type

/**
 * The input of one field. `onChange` may also receive an updater `(previous) => next` (uploads that
 * finish after other edits).
 */
export function FieldWidget(props: WidgetProps) {
  const { field: f, value, onChange, onBlur, id, disabled, invalid, ariaLabel } = props;
  const status = invalid ? ('error' as const) : undefined;
  const common = { id, disabled, onBlur, status, 'aria-label': ariaLabel, 'aria-invalid': invalid || undefined };
  const placeholder = f.placeholder;
  const options = (f.options ?? []).map((o) => ({ value: o.value, label: o.label }));
  switch (f.type) {
    case 'textarea':
      return <Input.TextArea {...common} value={str(value)} placeholder={placeholder} maxLength={f.maxLength} showCount={!!f.maxLength} autoSize={{ minRows: 2, maxRows: 8 }} onChange={(e) => onChange(blankToUndefined(e.target.value))} />;
    case 'number':
      return (
        <InputNumber
          {...common}
          style={{ width: '100%' }}
          value={typeof value === 'number' ? value : null}
          min={f.min}
          max={f.max}
          placeholder={placeholder}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
        />
      );
    case 'date': {
      const d = typeof value === 'string' && dayjs(value, 'YYYY-MM-DD', true).isValid() ? dayjs(value, 'YYYY-MM-DD') : null;
      return <DatePicker {...common} style={{ width: '100%' }} value={d} placeholder={placeholder ?? '请选择日期'} onChange={(v) => onChange(v ? v.format('YYYY-MM-DD') : undefined)} />;
    }
    case 'select':
      return <Select {...common} style={{ width: '100%' }} value={value ?? undefined} options={options} placeholder={placeholder ?? '请选择'} allowClear showSearch optionFilterProp="label" onChange={(v) => onChange(v ?? undefined)} />;
    case 'multiselect':
      return <Select {...common} mode="multiple" style={{ width: '100%' }} value={list(value)} options={options} placeholder={placeholder ?? '请选择'} allowClear optionFilterProp="label" onChange={(v) => onChange(v)} />;
    case 'radio':
      return (
        <div id={id} role="radiogroup" aria-label={ariaLabel} onBlur={onBlur}>
          <Radio.Group disabled={disabled} value={value} onChange={(e) => onChange(e.target.value)}>
            {options.map((o) => <Radio key={String(o.value)} value={o.value}>{o.label}</Radio>)}
          </Radio.Group>
        </div>
      );
    case 'checkbox':
      return (
        <div id={id} role="group" aria-label={ariaLabel} onBlur={onBlur}>
          <Checkbox.Group disabled={disabled} value={list(value) as (string | number)[]} options={options} onChange={(v) => onChange(v)} />
        </div>
      );
    case 'region':
      return (
        <Cascader
          {...common}
          style={{ width: '100%' }}
          options={regionOptions}
          value={regionPath(value)}
          changeOnSelect
          showSearch
          placeholder={placeholder ?? '请选择行政区划'}
          onChange={(path) => onChange(path?.length ? String(path[path.length - 1]) : undefined)}
        />
      );
    case 'idNo': {
      const v = str(value);
      const ok = v.length === 18 && idNumberProblem(v) === null;
      return (
        <Input
          {...common}
          value={v}
          maxLength={18}
          placeholder={placeholder ?? '18位公民身份号码'}
          autoComplete="off"
          suffix={ok ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{birthDateOfId(v)} · {sexOfId(v)}</Typography.Text> : <span />}
          onChange={(e) => onChange(blankToUndefined(e.target.value.replace(/\s/g, '').toUpperCase()))}
        />
      );
    }
    case 'phone':
      return <Input {...common} value={str(value)} maxLength={11} inputMode="tel" placeholder={placeholder ?? '11位手机号码'} onChange={(e) => onChange(blankToUndefined(e.target.value.replace(/\s/g, '')))} />;
    case 'creditCode':
      return <Input {...common} value={str(value)} maxLength={18} placeholder={placeholder ?? '18位统一社会信用代码'} onChange={(e) => onChange(blankToUndefined(e.target.value.replace(/\s/g, '').toUpperCase()))} />;
    case 'attachments':
      return <AttachmentsInput {...props} />;
    case 'group':
      return null; // rendered by GroupField
    case 'address':
    case 'text':
    default:
      return <Input {...common} value={str(value)} placeholder={placeholder} maxLength={f.maxLength} onChange={(e) => onChange(blankToUndefined(e.target.value))} />;
  }
}
