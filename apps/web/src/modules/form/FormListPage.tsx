import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { FormStatus, type FormDefinitionSummary } from '@jsga/contracts';
import { Access } from '../../app/access';
import { listTableDefaults, pageOf, textParam, useServerTable } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { formApi, formKeys } from './api';
import { formStatusLabels, FormStatusTag } from './components/FormStatusTag';

const statusEnum = Object.fromEntries(Object.entries(formStatusLabels).map(([k, text]) => [k, { text }]));

/** 表单设计: server-paged list of form definition versions; a row opens the designer on that version. */
export function FormListPage() {
  const navigate = useNavigate();
  const { actionRef, request, onRequestError } = useServerTable<FormDefinitionSummary>(formKeys.list, (params) => {
    const status = FormStatus.safeParse(params.status);
    return formApi.list({ ...pageOf(params), keyword: textParam(params.keyword), status: status.success ? status.data : undefined });
  });
  const open = (f: FormDefinitionSummary) => navigate(`/config/forms/${f.id}`);

  const columns: ProColumns<FormDefinitionSummary>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '表单标识 / 名称', autoFocus: true } },
    { title: '表单标识', dataIndex: 'key', search: false, width: 180, copyable: true },
    {
      title: '表单名称',
      dataIndex: 'title',
      search: false,
      ellipsis: true,
      render: (_, f) => (
        <Link to={`/config/forms/${f.id}`} onClick={(e) => e.stopPropagation()}>
          {f.title}
        </Link>
      ),
    },
    { title: '版本', dataIndex: 'version', search: false, width: 70, render: (_, f) => `v${f.version}` },
    { title: '状态', dataIndex: 'status', width: 100, valueType: 'select', valueEnum: statusEnum, render: (_, f) => <FormStatusTag status={f.status} /> },
    { title: '发布时间', dataIndex: 'publishedAt', search: false, width: 170, render: (_, f) => formatDateTime(f.publishedAt) },
    { title: '更新时间', dataIndex: 'updatedAt', search: false, width: 170, render: (_, f) => formatDateTime(f.updatedAt) },
  ];

  return (
    <PageContainer title={<PageTitle>表单设计</PageTitle>} subTitle="设计办事表单：字段、联动、计算与校验，浏览器与服务端使用同一套规则">
      <ProTable<FormDefinitionSummary>
        rowKey="id"
        {...listTableDefaults((t) => `共 ${t} 个版本`)}
        columns={columns}
        actionRef={actionRef}
        request={request}
        onRequestError={onRequestError}
        headerTitle="表单定义"
        scroll={{ x: 900 }}
        toolBarRender={() => [
          <Access key="new" permission="form:definition:manage">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/config/forms/new')}>
              新建表单
            </Button>
          </Access>,
        ]}
        onRow={(f) => ({ onClick: () => open(f), style: { cursor: 'pointer' } })}
      />
    </PageContainer>
  );
}
