import { Alert, Form, Select } from 'antd';
import { registryEffectLabels } from '@jsga/contracts';
import { useBindingOptions } from '../api';

const keyRule = { pattern: /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, message: '标识须为字母开头的字母、数字、下划线、点或短横线' };
const keysRule = {
  validator: async (_r: unknown, v?: string[]) => {
    const bad = (v ?? []).find((k) => !keyRule.pattern.test(k));
    if (bad) throw new Error(`“${bad}”不是有效的标识：${keyRule.message}`);
  },
};

/**
 * 业务绑定: what a case of this matter uses — its forms, its process, its documents and archive rule,
 * and what an approved case does to a registry. Keys may be typed for what is not listed (yet).
 */
export function BindingsFields({ disabled, sectionHints }: { disabled: boolean; sectionHints: string[] }) {
  const options = useBindingOptions(!disabled);
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="绑定按标识引用表单、流程和打印模板的已发布版本；新事项配置好绑定并发布即可办理，无需改程序。" />
      <Form.Item name={['bindings', 'formKeys']} label="申请表" rules={[keysRule]} tooltip="办件登记与网上申报填写的表单（可多个）">
        <Select mode="tags" aria-label="申请表" options={options.forms} placeholder="选择或输入表单标识" tokenSeparators={[',', ' ']} />
      </Form.Item>
      <Form.Item name={['bindings', 'sections']} label="默认表单分区" rules={[keysRule]} tooltip="未按情形增减时包含的表单分区">
        <Select mode="tags" aria-label="默认表单分区" options={sectionHints.map((s) => ({ value: s, label: s }))} tokenSeparators={[',', ' ']} />
      </Form.Item>
      <Form.Item name={['bindings', 'processKey']} label="办理流程" rules={[keyRule]} tooltip="情形可改走其他流程">
        <Select aria-label="办理流程" allowClear showSearch optionFilterProp="label" options={options.processes} placeholder="不绑定流程时由窗口直接办结" />
      </Form.Item>
      <Form.Item name={['bindings', 'printTemplateKeys']} label="业务文书" rules={[keysRule]} tooltip="办件页“打印文书”中可打印的模板">
        <Select mode="tags" aria-label="业务文书" options={options.templates} placeholder="选择或输入打印模板标识" tokenSeparators={[',', ' ']} />
      </Form.Item>
      <Form.Item name={['bindings', 'registryEffect']} label="办结生效" tooltip="准予办结后对业务库的作用，由业务模块实现">
        <Select aria-label="办结生效" allowClear options={Object.entries(registryEffectLabels).map(([value, label]) => ({ value, label }))} placeholder="无" />
      </Form.Item>
    </>
  );
}
