import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import {
  handlingModeLabels,
  HandlingMode,
  matterVersionStatusLabels,
  MatterVersionStatus,
  PoliceType,
  policeTypeLabels,
  type MatterAdminSummary,
} from '@jsga/contracts';
import { pageOf, textParam, useServerTable, listTableDefaults } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { matterApi, matterKeys } from './api';
import { labelList, valueEnumOf, VersionStatusTag } from './components/labels';

/** A filter value of an enum, or undefined when the form holds anything else. */
const enumParam = <T extends string>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, v: unknown): T | undefined => {
  const r = schema.safeParse(v);
  return r.success ? r.data : undefined;
};

/** 事项管理: server-paged standard matter catalogue; a row (or Enter on its name link) opens the matter. */
export function MatterListPage() {
  const navigate = useNavigate();
  const { actionRef, request, onRequestError } = useServerTable<MatterAdminSummary>(matterKeys.list, (params) =>
    matterApi.list({
      ...pageOf(params),
      keyword: textParam(params.keyword),
      policeType: enumParam(PoliceType, params.policeType),
      handlingMode: enumParam(HandlingMode, params.handlingMode),
      status: enumParam(MatterVersionStatus, params.status),
    }),
  );
  const open = (m: MatterAdminSummary) => navigate(`/config/matters/${m.id}`);

  const columns: ProColumns<MatterAdminSummary>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '事项名称 / 编码', autoFocus: true } },
    { title: '事项编码', dataIndex: 'code', search: false, width: 110, copyable: true },
    {
      title: '事项名称',
      dataIndex: 'name',
      search: false,
      ellipsis: true,
      render: (_, m) => (
        <Typography.Link
          onClick={(e) => {
            e.stopPropagation();
            open(m);
          }}
        >
          {m.name}
        </Typography.Link>
      ),
    },
    { title: '警种', dataIndex: 'policeType', width: 80, valueType: 'select', valueEnum: valueEnumOf(policeTypeLabels) },
    { title: '事项类别', dataIndex: 'category', search: false, width: 160, ellipsis: true },
    {
      title: '办件类型',
      dataIndex: 'handlingMode',
      width: 130,
      valueType: 'select',
      valueEnum: valueEnumOf(handlingModeLabels),
      render: (_, m) => labelList(handlingModeLabels, m.handlingModes),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 130,
      valueType: 'select',
      valueEnum: valueEnumOf(matterVersionStatusLabels),
      tooltip: '已发布/已停用：事项当前状态；草稿/待审核：有该状态的在编版本。列中显示最新版本的状态',
      render: (_, m) => (
        <Space size={4}>
          <VersionStatusTag status={m.latestVersion.status} />
          <Typography.Text type="secondary">v{m.latestVersion.versionNo}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '发布版本',
      dataIndex: 'publishedVersionNo',
      search: false,
      width: 90,
      render: (_, m) => (m.publishedVersionNo === null ? <Tag>未发布</Tag> : `v${m.publishedVersionNo}`),
    },
    { title: '更新时间', dataIndex: 'updatedAt', search: false, width: 160, render: (_, m) => formatDateTime(m.updatedAt) },
  ];

  return (
    <PageContainer title={<PageTitle>事项管理</PageTitle>} subTitle="维护全省标准事项的办事指南、情形与版本">
      <ProTable<MatterAdminSummary>
        rowKey="id"
        {...listTableDefaults((t) => `共 ${t} 项`)}
        columns={columns}
        actionRef={actionRef}
        request={request}
        onRequestError={onRequestError}
        headerTitle="标准事项"
        scroll={{ x: 1100 }}
        onRow={(m) => ({ onClick: () => open(m), style: { cursor: 'pointer' } })}
      />
    </PageContainer>
  );
}
