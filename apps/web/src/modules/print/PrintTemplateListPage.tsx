import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PrintTemplateKind, PrintTemplateStatus, type PrintTemplateSummary } from '@jsga/contracts';
import { Access } from '../../app/access';
import { feedback } from '../../app/feedback';
import { listTableDefaults, pageOf, textParam, useServerTable } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { printApi, printKeys, usePrintKinds } from './api';
import { CreateTemplateModal } from './components/CreateTemplateModal';
import { printStatusLabels, PrintStatusTag } from './components/PrintStatusTag';

const statusEnum = Object.fromEntries(Object.entries(printStatusLabels).map(([k, text]) => [k, { text }]));

/** 打印模板: server-paged list of template versions (retired ones only when filtered for); a row opens the designer. */
export function PrintTemplateListPage() {
  const navigate = useNavigate();
  const kinds = usePrintKinds();
  const [creating, setCreating] = useState(false);
  const kindEnum = Object.fromEntries((kinds.data ?? []).map((k) => [k.kind, { text: k.name }]));
  const kindName = (kind: string) => kinds.data?.find((k) => k.kind === kind)?.name ?? kind;

  const { actionRef, request, onRequestError } = useServerTable<PrintTemplateSummary>(printKeys.list, (params) => {
    const status = PrintTemplateStatus.safeParse(params.status);
    const kind = PrintTemplateKind.safeParse(params.kind);
    return printApi.list({
      ...pageOf(params),
      keyword: textParam(params.keyword),
      status: status.success ? status.data : undefined,
      kind: kind.success ? kind.data : undefined,
    });
  });
  const open = (t: PrintTemplateSummary) => navigate(`/config/print-templates/${t.id}`);

  const columns: ProColumns<PrintTemplateSummary>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '模板标识 / 名称', autoFocus: true } },
    { title: '标识', dataIndex: 'key', search: false, width: 180, copyable: true },
    {
      title: '名称',
      dataIndex: 'title',
      search: false,
      ellipsis: true,
      render: (_, t) => (
        <Link to={`/config/print-templates/${t.id}`} onClick={(e) => e.stopPropagation()}>
          {t.title}
        </Link>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 150, valueType: 'select', valueEnum: kindEnum, render: (_, t) => kindName(t.kind) },
    { title: '版本', dataIndex: 'version', search: false, width: 70, render: (_, t) => `v${t.version}` },
    { title: '状态', dataIndex: 'status', width: 100, valueType: 'select', valueEnum: statusEnum, render: (_, t) => <PrintStatusTag status={t.status} /> },
    { title: '更新时间', dataIndex: 'updatedAt', search: false, width: 170, render: (_, t) => formatDateTime(t.updatedAt) },
  ];

  return (
    <PageContainer title={<PageTitle>打印模板</PageTitle>} subTitle="决定书、申请表、承诺书等文书的版式与文字；发布后业务打印使用新版本">
      <ProTable<PrintTemplateSummary>
        rowKey="id"
        {...listTableDefaults((t) => `共 ${t} 个版本`)}
        columns={columns}
        actionRef={actionRef}
        request={request}
        onRequestError={onRequestError}
        headerTitle="模板版本（不选状态时不含已停用）"
        scroll={{ x: 900 }}
        toolBarRender={() => [
          <Access key="new" permission="print:template:manage">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建模板
            </Button>
          </Access>,
        ]}
        onRow={(t) => ({ onClick: () => open(t), style: { cursor: 'pointer' } })}
      />
      <CreateTemplateModal
        open={creating}
        kinds={kinds.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={(v) => {
          setCreating(false);
          feedback.message.success(`已创建 ${v.title}（草稿 v${v.version}）`);
          navigate(`/config/print-templates/${v.id}`);
        }}
      />
    </PageContainer>
  );
}
