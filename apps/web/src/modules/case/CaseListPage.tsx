import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Grid, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  caseChannelLabels,
  CaseStatus,
  caseStatusLabels,
  PoliceType,
  policeTypeLabels,
  SlaStatus,
  slaStatusLabels,
  type CaseSummary,
  type CaseView,
} from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { listTableDefaults, pageOf, textParam, useServerTable } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { caseApi, caseKeys } from './api';
import { CaseCreateDrawer } from './components/CaseCreateDrawer';
import { CaseStatusTag, SlaTag, valueEnumOf } from './components/labels';

/** A filter value of an enum, or undefined when the form holds anything else. */
const enumParam = <T extends string>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, v: unknown): T | undefined => {
  const r = schema.safeParse(v);
  return r.success ? r.data : undefined;
};
const dateParam = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** 办件查询: the cases in the officer's data scope, server-paged; a row opens the case; 登记办件 for window officers. */
export function CaseListPage() {
  const navigate = useNavigate();
  const { can } = useAccess();
  const [creating, setCreating] = useState(false);
  const wide = Grid.useBreakpoint().md !== false;
  const { actionRef, request, onRequestError } = useServerTable<CaseSummary>(caseKeys.list, (params) =>
    caseApi.list({
      ...pageOf(params),
      keyword: textParam(params.keyword),
      status: enumParam(CaseStatus, params.status),
      policeType: enumParam(PoliceType, params.policeType),
      slaStatus: enumParam(SlaStatus, params.slaStatus),
      overdue: params.overdue === true ? 'true' : undefined,
      submittedFrom: dateParam(params.submittedFrom),
      submittedTo: dateParam(params.submittedTo),
    }),
  );
  const open = (c: CaseSummary) => navigate(`/handling/cases/${c.id}`);

  const columns: ProColumns<CaseSummary>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '办件编号 / 申请人 / 事项名称 / 证件号码', autoFocus: true } },
    {
      title: '办件编号',
      dataIndex: 'caseNo',
      search: false,
      width: 200,
      render: (_, c) => (
        // the copy icon must not open the row
        <span onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Link onClick={() => open(c)}>{c.caseNo}</Typography.Link>
          <Typography.Text copyable={{ text: c.caseNo, tooltips: ['复制办件编号', '已复制'] }} />
        </span>
      ),
    },
    {
      title: '事项',
      dataIndex: 'matterName',
      search: false,
      ellipsis: true,
      render: (_, c) => (
        <span title={`${c.matterName}（${c.matterCode}）`}>{c.matterName}</span>
      ),
    },
    {
      title: '申请人',
      dataIndex: 'applicantName',
      search: false,
      width: 190,
      render: (_, c) => (
        <>
          <div>{c.applicantName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.applicantIdNoMasked}</Typography.Text>
        </>
      ),
    },
    { title: '渠道', dataIndex: 'channel', search: false, width: 70, responsive: ['md'], render: (_, c) => caseChannelLabels[c.channel] ?? c.channel },
    { title: '警种', dataIndex: 'policeType', width: 80, responsive: ['md'], valueType: 'select', valueEnum: valueEnumOf(policeTypeLabels), render: (_, c) => (c.policeType ? policeTypeLabels[c.policeType] : '-') },
    { title: '状态', dataIndex: 'status', width: 100, valueType: 'select', valueEnum: valueEnumOf(caseStatusLabels), render: (_, c) => <CaseStatusTag status={c.status} /> },
    {
      title: '时限',
      dataIndex: 'slaStatus',
      width: 170,
      valueType: 'select',
      valueEnum: valueEnumOf(slaStatusLabels),
      render: (_, c) => <SlaTag status={c.slaStatus} deadline={c.slaDeadline} />,
    },
    { title: '只看超期', dataIndex: 'overdue', hideInTable: true, valueType: 'switch' },
    { title: '受理单位', dataIndex: 'orgName', search: false, width: 150, responsive: ['lg'], ellipsis: true, render: (_, c) => c.orgName ?? '-' },
    {
      title: '申报时间',
      dataIndex: 'submittedAt',
      width: 160,
      responsive: ['md'],
      valueType: 'dateRange',
      search: { transform: (v: [string, string]) => ({ submittedFrom: v?.[0], submittedTo: v?.[1] }) },
      render: (_, c) => formatDateTime(c.submittedAt),
    },
  ];

  const defaults = listTableDefaults((t) => `共 ${t} 件`);
  const onCreated = (view: CaseView) => {
    setCreating(false);
    navigate(`/handling/cases/${view.id}`);
  };

  return (
    <PageContainer title={<PageTitle>办件查询</PageTitle>} subTitle="本人数据范围内的办件；点击一行查看详情并办理">
      <ProTable<CaseSummary>
        rowKey="id"
        {...defaults}
        search={{ ...defaults.search, span: { xs: 24, sm: 12, md: 12, lg: 8, xl: 6, xxl: 6 } }}
        columns={columns}
        actionRef={actionRef}
        request={request}
        onRequestError={onRequestError}
        headerTitle="办件"
        scroll={{ x: wide ? 1250 : 640 }}
        onRow={(c) => ({ onClick: () => open(c), style: { cursor: 'pointer' } })}
        toolBarRender={() =>
          can('case:case:handle')
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  登记办件
                </Button>,
              ]
            : []
        }
      />
      <CaseCreateDrawer open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
    </PageContainer>
  );
}
