import { useEffect, useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import {
  Alert, App, Button, Card, Col, Form, Grid, Input, InputNumber, Modal, Progress, Row, Select, Space, Table, Tooltip, Typography, type TableColumnsType,
} from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { IdSegmentBody, type IdSegmentView } from '@jsga/contracts';
import { DialogKeyboard } from '../../app/dialog-keyboard';
import { showFormError, zodRule } from '../../app/form-errors';
import { isApiError } from '../../app/request';
import { PAGE_SIZES } from '../../app/table';
import { PageTitle } from '../../app/ui';
import { isKnownRegion, regionName, segmentRange, useCreateIdSegment, useIdSegments } from './api';

/** 顺序码 run from 001 to 999 within one 地址码 (and one birth date). */
export const SEQ_MAX = 999;
const ADDRESS_CODE = /^\d{6}$/;
const ADDRESS_CODE_MESSAGE = '地址码为6位行政区划代码';

export const segmentSize = (s: { seqFrom: number; seqTo: number }) => s.seqTo - s.seqFrom + 1;
/** Odd sequence codes are given to men, even ones to women. */
export const oddCount = (s: { seqFrom: number; seqTo: number }) => Math.floor((s.seqTo + 1) / 2) - Math.floor(s.seqFrom / 2);

/** The sequence codes of 001–999 no segment of the list covers, as ranges. */
export function freeRanges(segments: Array<{ seqFrom: number; seqTo: number }>): Array<{ seqFrom: number; seqTo: number }> {
  const sorted = [...segments].sort((a, b) => a.seqFrom - b.seqFrom);
  const out: Array<{ seqFrom: number; seqTo: number }> = [];
  let next = 1;
  for (const s of sorted) {
    if (s.seqFrom > next) out.push({ seqFrom: next, seqTo: s.seqFrom - 1 });
    next = Math.max(next, s.seqTo + 1);
  }
  if (next <= SEQ_MAX) out.push({ seqFrom: next, seqTo: SEQ_MAX });
  return out;
}

/** The 派出所 holding the segments, each once (by name when any segment names it), in name order. */
export function stationsOf(segments: IdSegmentView[]): Station[] {
  const byId = new Map<string, string | null>();
  for (const s of segments) if (!byId.get(s.stationOrgId)) byId.set(s.stationOrgId, s.stationName);
  return [...byId].map(([id, name]) => ({ id, name: name ?? `派出所（${id.slice(0, 8)}）` })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

const addressLabel = (code: string) => (isKnownRegion(code) ? `${code} ${regionName(code)}` : code);

interface SegmentFormValues { addressCode: string; stationOrgId: string; seqFrom: number; seqTo: number }
interface Station { id: string; name: string }

/** 新增号段: 地址码, a 派出所 of the list, 起号 and 止号; the server's refusal stays in the dialog. */
function SegmentModal({ open, onClose, stations, initial }: {
  open: boolean; onClose: () => void; stations: Station[]; initial: Partial<SegmentFormValues>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SegmentFormValues>();
  const create = useCreateIdSegment();
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initial);
    setRefusal(null);
    // the initial values are taken when the dialog opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setRefusal(null);
    try {
      const saved = await create.mutateAsync({ addressCode: v.addressCode.trim(), stationOrgId: v.stationOrgId, seqFrom: v.seqFrom, seqTo: v.seqTo });
      message.success(`已为${saved.stationName ?? '派出所'}分配号段 ${saved.addressCode} ${segmentRange(saved)}`);
      onClose();
    } catch (e) {
      if (isApiError(e) && !e.handled && !e.fieldErrors.length) setRefusal(e.message);
      else showFormError(form, e);
    }
  };

  return (
    <Modal
      open={open}
      title="新增号段"
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      confirmLoading={create.isPending}
      destroyOnHidden
      width={520}
    >
      <DialogKeyboard onSubmit={() => void submit().catch(() => undefined)}>
        {refusal && <Alert type="error" showIcon role="alert" message={refusal} style={{ marginBottom: 12 }} />}
        <Form form={form} name="segmentForm" layout="vertical" onValuesChange={() => setRefusal(null)}>
          <Form.Item
            name="addressCode"
            label="地址码"
            rules={[{ required: true, message: '请输入地址码' }, zodRule(IdSegmentBody.shape.addressCode)]}
            extra={(
              <Form.Item noStyle shouldUpdate={(a: SegmentFormValues, b: SegmentFormValues) => a.addressCode !== b.addressCode}>
                {({ getFieldValue }) => {
                  const code = String(getFieldValue('addressCode') ?? '');
                  return isKnownRegion(code) ? regionName(code) : '县级行政区划代码（GB/T 2260）';
                }}
              </Form.Item>
            )}
          >
            <Input maxLength={6} inputMode="numeric" placeholder="如 320102" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item name="stationOrgId" label="派出所" rules={[{ required: true, message: '请选择派出所' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="选择派出所"
              options={stations.map((s) => ({ value: s.id, label: s.name }))}
              notFoundContent="列表中没有派出所"
            />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="seqFrom" label="起号" rules={[{ required: true, message: '请输入起号' }]}>
                <InputNumber min={1} max={SEQ_MAX} precision={0} style={{ width: '100%' }} placeholder="001" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="seqTo"
                label="止号"
                dependencies={['seqFrom']}
                rules={[
                  { required: true, message: '请输入止号' },
                  ({ getFieldValue }) => ({
                    validator: async (_r, v?: number) => {
                      const from = getFieldValue('seqFrom') as number | undefined;
                      if (v !== undefined && v !== null && from !== undefined && from !== null && v < from) throw new Error('止号不能小于起号');
                    },
                  }),
                ]}
              >
                <InputNumber min={1} max={SEQ_MAX} precision={0} style={{ width: '100%' }} placeholder="999" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>顺序码 001–999；同一地址码的号段不得重叠。奇数顺序码分配给男性，偶数分配给女性。</Typography.Text>
        </Form>
      </DialogKeyboard>
    </Modal>
  );
}

/** 号段管理: each 派出所's 号段 of 公民身份号码 sequence codes per 地址码, with the numbers given out; 新增号段. */
export function IdSegmentPage() {
  const wide = Grid.useBreakpoint().md !== false;
  const [addressCode, setAddressCode] = useState<string>();
  const [text, setText] = useState('');
  const [filterError, setFilterError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const segments = useIdSegments(addressCode);
  const rows = [...(segments.data?.items ?? [])].sort((a, b) => a.addressCode.localeCompare(b.addressCode) || a.seqFrom - b.seqFrom);

  // 新增号段 offers the stations of the list; a filtered list (maybe empty, for a new 地址码) adds those of all the 号段 in scope
  const unfiltered = useIdSegments(undefined, adding && !!addressCode);
  const stations = stationsOf([...rows, ...(addressCode ? (unfiltered.data?.items ?? []) : [])]);

  const search = (value: string) => {
    const v = value.trim();
    if (v && !ADDRESS_CODE.test(v)) {
      setFilterError(ADDRESS_CODE_MESSAGE);
      return;
    }
    setFilterError(null);
    setAddressCode(v || undefined);
  };

  // the free ranges of the filtered address code, and the first one as the new segment's default
  const free = addressCode && segments.data ? freeRanges(rows.filter((s) => s.addressCode === addressCode)) : null;
  const covered = free ? SEQ_MAX - free.reduce((n, r) => n + segmentSize(r), 0) : 0;
  const initial: Partial<SegmentFormValues> = { addressCode, ...(free?.[0] ?? {}) };

  const columns: TableColumnsType<IdSegmentView> = [
    {
      title: '地址码', dataIndex: 'addressCode', width: 170,
      render: (_, s) => (
        <Space size={6}>
          <span style={{ fontFamily: 'monospace' }}>{s.addressCode}</span>
          {isKnownRegion(s.addressCode) && <Typography.Text type="secondary">{regionName(s.addressCode)}</Typography.Text>}
        </Space>
      ),
    },
    { title: '派出所', dataIndex: 'stationName', ellipsis: true, render: (_, s) => s.stationName ?? '-' },
    { title: '号段', key: 'range', width: 110, render: (_, s) => <span style={{ fontFamily: 'monospace' }}>{segmentRange(s)}</span> },
    {
      title: '顺序码数', key: 'size', width: 130, align: 'right',
      render: (_, s) => {
        const odd = oddCount(s);
        return <Tooltip title={`男（奇数）${odd} 个，女（偶数）${segmentSize(s) - odd} 个`}><span>{segmentSize(s)}</span></Tooltip>;
      },
    },
    { title: '已分配', dataIndex: 'allocated', width: 90, align: 'right', render: (_, s) => s.allocated.toLocaleString('zh-CN') },
    {
      title: <Tooltip title="号段占本地址码 001–999 顺序码的比例">号段占比</Tooltip>,
      key: 'share',
      width: 170,
      render: (_, s) => {
        const pct = Math.round((segmentSize(s) / SEQ_MAX) * 1000) / 10;
        return (
          <Space size={8}>
            <Progress percent={pct} size="small" showInfo={false} style={{ width: 90, margin: 0 }} />
            <span>{`${pct}%`}</span>
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer title={<PageTitle>号段管理</PageTitle>} subTitle="各派出所在地址码下的公民身份号码顺序码号段与已分配数；新增号段不得与同一地址码的其他号段重叠">
      <Card size="small">
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap align="start">
            <div>
              <Input.Search
                aria-label="地址码"
                placeholder="地址码（6位），如 320102"
                allowClear
                enterButton="查询"
                maxLength={6}
                inputMode="numeric"
                status={filterError ? 'error' : undefined}
                value={text}
                onChange={(e) => { setText(e.target.value); if (filterError) setFilterError(null); }}
                onSearch={search}
                style={{ width: wide ? 300 : '100%' }}
              />
              {filterError && <div><Typography.Text type="danger" style={{ fontSize: 12 }}>{filterError}</Typography.Text></div>}
            </div>
            {addressCode && (
              <Typography.Text type="secondary" style={{ lineHeight: '32px' }} data-testid="coverage">
                {`${addressLabel(addressCode)}：已划分 ${covered} / ${SEQ_MAX} 个顺序码${free?.length ? `，未划分 ${free.map(segmentRange).join('、')}` : ''}`}
              </Typography.Text>
            )}
          </Space>
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>新增号段</Button>
            <Button icon={<ReloadOutlined />} loading={segments.isFetching} onClick={() => void segments.refetch()}>刷新</Button>
          </Space>
        </Space>
        <Table<IdSegmentView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={segments.isFetching}
          scroll={{ x: 860 }}
          locale={{ emptyText: segments.isError ? '加载失败，请点击刷新重试' : addressCode ? `地址码 ${addressCode} 下没有号段` : '没有号段' }}
          pagination={{ defaultPageSize: 20, pageSizeOptions: PAGE_SIZES, showSizeChanger: true, hideOnSinglePage: false, showTotal: (t) => `共 ${t} 个号段` }}
        />
      </Card>
      <SegmentModal open={adding} onClose={() => setAdding(false)} stations={stations} initial={initial} />
    </PageContainer>
  );
}
