import { useEffect, useState, type KeyboardEvent } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import {
  Alert, Badge, Button, Card, Descriptions, Drawer, Empty, Form, Grid, Input, Select, Space, Spin, Table, Tabs, Tag, Timeline, Typography,
  type TableColumnsType,
} from 'antd';
import { AuditOutlined, HomeOutlined, PrinterOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { feedback } from '../../app/feedback';
import { FilePreviewModal } from '../../app/FilePreviewModal';
import {
  bloodTypeLabels, educationLevelLabels, ethnicityLabels, householdTypeLabels, hukouChangeKindLabels, maritalStatusLabels, militaryServiceStatusLabels,
  PersonStatus, personStatusLabels, relationToHeadLabels, religionLabels, sexLabels,
  type HouseholdView, type HukouChangeView, type PersonSummary,
} from '@jsga/contracts';
import { serverPagination, useTabbedListState } from '../../app/table';
import { formatDateTime, PageTitle } from '../../app/ui';
import { hukouApi, labelOf, regionName, useDuplicates, useHousehold, usePerson, usePersons, type DuplicateGroup, type PersonFilters } from './api';

const TABS = ['persons', 'duplicates'] as const;
type Tab = (typeof TABS)[number];
const FILTERS = ['idNo', 'name', 'householdNo', 'status'] as const;
const ID_NO = /^(\d{15}|\d{17}[\dX])$/;

export const personStatusColors: Record<PersonStatus, string> = { registered: 'green', deceased: 'default', enlisted: 'blue', moved_out: 'orange', cancelled: 'red' };
const changeKindColors: Record<string, string> = {
  birth: 'green', registered: 'green', move_in: 'blue', move_within: 'blue', household_create: 'cyan', household_split: 'cyan',
  death: 'gray', enlist: 'gray', move_out: 'orange', correction: 'purple',
};

export function PersonStatusTag({ status }: { status: PersonStatus }) {
  return <Tag color={personStatusColors[status]} style={{ marginInlineEnd: 0 }}>{labelOf(personStatusLabels, status)}</Tag>;
}

/** The columns of a list of persons; 户号 opens the household when `onHousehold` is given. */
function personColumns(onHousehold?: (householdId: string) => void): TableColumnsType<PersonSummary> {
  return [
    { title: '姓名', dataIndex: 'name', width: 90, fixed: 'left', render: (_, p) => <Typography.Link>{p.name}</Typography.Link> },
    { title: '公民身份号码', dataIndex: 'idNoMasked', width: 180, render: (_, p) => <span style={{ fontFamily: 'monospace' }}>{p.idNoMasked}</span> },
    { title: '性别', dataIndex: 'sex', width: 60, render: (_, p) => labelOf(sexLabels, p.sex) },
    { title: '出生日期', dataIndex: 'birthDate', width: 105 },
    { title: '民族', dataIndex: 'ethnicity', width: 80, render: (_, p) => labelOf(ethnicityLabels, p.ethnicity) },
    {
      title: '户号', dataIndex: 'householdNo', width: 120,
      render: (_, p) => (onHousehold
        ? <Typography.Link onClick={(e) => { e.stopPropagation(); onHousehold(p.householdId); }} title="查看本户">{p.householdNo}</Typography.Link>
        : p.householdNo),
    },
    { title: '与户主关系', dataIndex: 'relationToHead', width: 100, render: (_, p) => labelOf(relationToHeadLabels, p.relationToHead) },
    { title: '住址', dataIndex: 'address', ellipsis: true, render: (_, p) => <span title={p.address}>{p.address}</span> },
    { title: '派出所', dataIndex: 'stationName', width: 130, ellipsis: true, render: (_, p) => p.stationName ?? '-' },
    { title: '状态', dataIndex: 'status', width: 90, render: (_, p) => <PersonStatusTag status={p.status} /> },
  ];
}

/**
 * Enter in a text box of a search form searches at once (also where the browser would not submit by itself);
 * not while an IME composition is being confirmed, and not in a select, whose Enter picks or opens.
 */
export const searchOnEnter = (submit: () => void) => (e: KeyboardEvent<HTMLFormElement>) => {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
  const t = e.target;
  if (!(t instanceof HTMLInputElement) || t.getAttribute('role') === 'combobox') return;
  e.preventDefault();
  submit();
};

/** Rows open on click and on Enter (the rows take the keyboard focus). */
const openRow = (open: (p: PersonSummary) => void) => (p: PersonSummary) => ({
  onClick: () => open(p),
  onKeyDown: (e: KeyboardEvent) => { if (e.key === 'Enter' && e.target === e.currentTarget) open(p); },
  tabIndex: 0,
  style: { cursor: 'pointer' },
});

/** 业务变动轨迹, newest first. */
export function ChangeTimeline({ changes, label }: { changes: HukouChangeView[]; label: string }) {
  if (!changes.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无业务变动" />;
  const sorted = [...changes].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <Timeline
      aria-label={label}
      items={sorted.map((c) => ({
        key: c.id,
        color: changeKindColors[c.kind] ?? 'blue',
        children: (
          <div data-change={c.id}>
            <Space size={6} wrap>
              <Tag color={changeKindColors[c.kind]} style={{ marginInlineEnd: 0 }}>{labelOf(hukouChangeKindLabels, c.kind)}</Tag>
              <Typography.Text>{c.summary}</Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(c.occurredAt)}
                {c.caseNo ? ` · 办件 ${c.caseNo}` : ''}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}

const orDash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '-' : v);

/** 打印常住人口登记表: the server fills the published template; each print is counted and audited. */
function PrintRegisterButton({ id, name }: { id: string; name: string }) {
  const [pdf, setPdf] = useState<{ file: Blob; copyNo: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      setPdf(await hukouApi.registerPdf(id));
    } catch (e) {
      feedback.message.error(e instanceof Error && e.message ? e.message : '常住人口登记表生成失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void print()}>打印登记表</Button>
      <FilePreviewModal file={pdf?.file ?? null} title={pdf ? `常住人口登记表（第 ${pdf.copyNo} 次打印）` : '常住人口登记表'} fileName={`常住人口登记表-${name}.pdf`} onClose={() => setPdf(null)} />
    </>
  );
}

/** 常住人口登记表 of one person, with 查看本户 and the 业务变动轨迹. */
export function PersonDrawer({ id, onClose, onHousehold }: { id: string | undefined; onClose: () => void; onHousehold: (householdId: string) => void }) {
  const wide = Grid.useBreakpoint().md !== false;
  const person = usePerson(id);
  const p = person.data;
  const column = wide ? 2 : 1;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={wide ? 760 : '100%'}
      destroyOnHidden
      title={p ? `常住人口登记表 · ${p.name}` : '常住人口登记表'}
      extra={p ? (
        <Space>
          <PrintRegisterButton id={p.id} name={p.name} />
          <Button icon={<HomeOutlined />} onClick={() => onHousehold(p.householdId)}>查看本户</Button>
        </Space>
      ) : null}
    >
      {!p ? (
        person.isError ? <Alert type="error" showIcon message="人员信息加载失败" /> : <Spin />
      ) : (
        <div data-testid="person-detail">
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 12 }}>
            <AuditOutlined /> 查看完整信息已留痕
          </Typography.Text>
          <Descriptions size="small" bordered column={column} title="基本情况" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
            <Descriptions.Item label="曾用名">{orDash(p.formerName)}</Descriptions.Item>
            <Descriptions.Item label="公民身份号码" span={column}>
              <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{p.idNo}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="性别">{labelOf(sexLabels, p.sex)}</Descriptions.Item>
            <Descriptions.Item label="民族">{labelOf(ethnicityLabels, p.ethnicity)}</Descriptions.Item>
            <Descriptions.Item label="出生日期">{p.birthDate}</Descriptions.Item>
            <Descriptions.Item label="出生地">{regionName(p.birthPlaceCode)}</Descriptions.Item>
            <Descriptions.Item label="籍贯">{regionName(p.nativePlaceCode)}</Descriptions.Item>
            <Descriptions.Item label="宗教信仰">{labelOf(religionLabels, p.religion)}</Descriptions.Item>
            <Descriptions.Item label="身高">{p.heightCm !== null ? `${p.heightCm} 厘米` : '-'}</Descriptions.Item>
            <Descriptions.Item label="血型">{labelOf(bloodTypeLabels, p.bloodType)}</Descriptions.Item>
            <Descriptions.Item label="父亲身份号码">{orDash(p.fatherIdNoMasked)}</Descriptions.Item>
            <Descriptions.Item label="母亲身份号码">{orDash(p.motherIdNoMasked)}</Descriptions.Item>
          </Descriptions>
          <Descriptions size="small" bordered column={column} title="户籍登记" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="户号">
              <Typography.Link onClick={() => onHousehold(p.householdId)} title="查看本户">{p.householdNo}</Typography.Link>
            </Descriptions.Item>
            <Descriptions.Item label="与户主关系">{labelOf(relationToHeadLabels, p.relationToHead)}</Descriptions.Item>
            <Descriptions.Item label="住址" span={column}>{p.address}</Descriptions.Item>
            <Descriptions.Item label="户籍地">{regionName(p.regionCode)}</Descriptions.Item>
            <Descriptions.Item label="派出所">{p.stationName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="登记日期">{p.registeredOn}</Descriptions.Item>
            <Descriptions.Item label="何地迁来">{p.previousRegionCode ? regionName(p.previousRegionCode) : '-'}</Descriptions.Item>
            <Descriptions.Item label="人员状态" span={column}>
              <Space size={8} wrap>
                <PersonStatusTag status={p.status} />
                {p.statusReason && <Typography.Text type="secondary">{p.statusReason}</Typography.Text>}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <Descriptions size="small" bordered column={column} title="文化与职业" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="文化程度">{labelOf(educationLevelLabels, p.education)}</Descriptions.Item>
            <Descriptions.Item label="婚姻状况">{labelOf(maritalStatusLabels, p.maritalStatus)}</Descriptions.Item>
            <Descriptions.Item label="兵役状况">{labelOf(militaryServiceStatusLabels, p.militaryService)}</Descriptions.Item>
            <Descriptions.Item label="职业">{orDash(p.occupation)}</Descriptions.Item>
            <Descriptions.Item label="服务处所" span={column}>{orDash(p.employer)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>业务变动轨迹</Typography.Title>
          <ChangeTimeline changes={p.changes} label="业务变动轨迹" />
        </div>
      )}
    </Drawer>
  );
}

const householdStatusLabels: Record<HouseholdView['status'], string> = { active: '正常', closed: '已销户' };

/** 户: 户别, 户主, 住址, the members (a member opens on click) and the household's changes. Drawn above the person drawer. */
export function HouseholdDrawer({ id, onClose, onPerson, currentPersonId }: {
  id: string | undefined; onClose: () => void; onPerson: (personId: string) => void; currentPersonId?: string;
}) {
  const wide = Grid.useBreakpoint().md !== false;
  const household = useHousehold(id);
  const h = household.data;
  const column = wide ? 2 : 1;
  const columns = personColumns().filter((c) => !['householdNo', 'address', 'stationName'].includes(String((c as { dataIndex?: string }).dataIndex)));
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={wide ? 820 : '100%'}
      zIndex={1010}
      destroyOnHidden
      title={h ? `户 · ${h.householdNo}` : '户信息'}
    >
      {!h ? (
        household.isError ? <Alert type="error" showIcon message="户信息加载失败" /> : <Spin />
      ) : (
        <div data-testid="household-detail">
          <Descriptions size="small" bordered column={column} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="户号">{h.householdNo}</Descriptions.Item>
            <Descriptions.Item label="户别">{labelOf(householdTypeLabels, h.type)}</Descriptions.Item>
            <Descriptions.Item label="户主">{orDash(h.headName)}</Descriptions.Item>
            <Descriptions.Item label="户名">{orDash(h.name)}</Descriptions.Item>
            <Descriptions.Item label="住址" span={column}>{h.address}</Descriptions.Item>
            <Descriptions.Item label="户籍地">{regionName(h.regionCode)}</Descriptions.Item>
            <Descriptions.Item label="派出所">{h.stationName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="立户日期">{h.establishedOn}</Descriptions.Item>
            <Descriptions.Item label="户状态">{householdStatusLabels[h.status] ?? h.status}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{`户内成员（${h.members.length} 人）`}</Typography.Title>
          <Table<PersonSummary>
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={h.members}
            scroll={{ x: 720 }}
            style={{ marginBottom: 16 }}
            rowClassName={(m) => (m.id === currentPersonId ? 'ant-table-row-selected' : '')}
            onRow={openRow((m) => onPerson(m.id))}
            locale={{ emptyText: '本户没有成员' }}
          />
          <Typography.Title level={5}>本户变动轨迹</Typography.Title>
          <ChangeTimeline changes={h.changes} label="本户变动轨迹" />
        </div>
      )}
    </Drawer>
  );
}

/** 重号管理: each ID number several registered persons share, with those persons. */
function DuplicateList({ groups, loading, failed, onPerson, onHousehold }: {
  groups: DuplicateGroup[] | undefined; loading: boolean; failed: boolean; onPerson: (id: string) => void; onHousehold: (id: string) => void;
}) {
  if (!groups) return failed ? <Alert type="error" showIcon message="重号加载失败，请点击刷新重试" /> : <Spin spinning={loading}><div style={{ minHeight: 80 }} /></Spin>;
  if (!groups.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有重号" />;
  const columns = personColumns(onHousehold);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{`共 ${groups.length} 个公民身份号码被多名在册人员共用，点击人员查看登记表核查`}</Typography.Text>
      {groups.map((g) => (
        <Card
          key={g.idNoMasked}
          size="small"
          data-group={g.idNoMasked}
          title={<Space size={8}><span style={{ fontFamily: 'monospace' }}>{g.idNoMasked}</span><Tag color="red" style={{ marginInlineEnd: 0 }}>{`${g.persons.length} 人共用`}</Tag></Space>}
        >
          <Table<PersonSummary>
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={g.persons}
            scroll={{ x: 1100 }}
            onRow={openRow((p) => onPerson(p.id))}
          />
        </Card>
      ))}
    </Space>
  );
}

interface SearchValues { keyword?: string; idNo?: string; name?: string; householdNo?: string; status?: PersonStatus }
const trimmed = (v: string | undefined) => v?.trim() || undefined;

/** 人口信息查询: search the registry, open a person's 常住人口登记表 and household; 重号管理 on the second tab. */
export function PersonListPage() {
  const wide = Grid.useBreakpoint().md !== false;
  const [{ tab, page, pageSize, keyword, filters: raw }, update] = useTabbedListState<Tab, (typeof FILTERS)[number]>('tab', TABS, 'persons', FILTERS);
  const filters: PersonFilters = {
    keyword: keyword || undefined,
    idNo: raw.idNo,
    name: raw.name,
    householdNo: raw.householdNo,
    status: PersonStatus.options.includes(raw.status as PersonStatus) ? (raw.status as PersonStatus) : undefined,
  };
  const [form] = Form.useForm<SearchValues>();
  const [personId, setPersonId] = useState<string>();
  const [householdId, setHouseholdId] = useState<string>();

  // the form follows the address (back button, shared link)
  const { idNo, name, householdNo, status } = filters;
  useEffect(() => {
    form.setFieldsValue({ keyword: keyword || undefined, idNo, name, householdNo, status });
  }, [form, keyword, idNo, name, householdNo, status]);

  const list = usePersons({ page, pageSize, ...filters });
  const duplicates = useDuplicates(tab === 'duplicates');

  const search = (v: SearchValues) => {
    update({
      keyword: trimmed(v.keyword) ?? '',
      filters: { idNo: trimmed(v.idNo)?.toUpperCase(), name: trimmed(v.name), householdNo: trimmed(v.householdNo), status: v.status },
      page: 1,
    });
  };
  const reset = () => {
    form.resetFields();
    update({ keyword: '', filters: {}, page: 1 });
  };
  const openHousehold = (id: string) => setHouseholdId(id);
  const openPerson = (id: string) => { setHouseholdId(undefined); setPersonId(id); };
  const filtered = Object.values(filters).some(Boolean);
  const itemWidth = wide ? undefined : '100%';

  const searchForm = (
    <Form<SearchValues>
      form={form}
      name="personSearch"
      layout={wide ? 'inline' : 'vertical'}
      onFinish={search}
      onKeyDown={searchOnEnter(() => form.submit())}
      style={{ marginBottom: 12, rowGap: 8 }}
      aria-label="人口信息查询条件"
    >
      <Form.Item name="keyword" label="关键词" style={{ width: itemWidth }}>
        <Input allowClear autoFocus placeholder="姓名 / 住址 / 身份号码 / 户号" style={{ width: wide ? 220 : '100%' }} />
      </Form.Item>
      <Form.Item
        name="idNo"
        label="公民身份号码"
        style={{ width: itemWidth }}
        normalize={(v: string | undefined) => v?.toUpperCase()}
        rules={[{ validator: async (_r, v?: string) => { if (v && !ID_NO.test(v.trim())) throw new Error('公民身份号码为15位或18位'); } }]}
      >
        <Input allowClear maxLength={18} placeholder="18位号码" style={{ width: wide ? 190 : '100%', fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="name" label="姓名" style={{ width: itemWidth }}>
        <Input allowClear maxLength={50} style={{ width: wide ? 110 : '100%' }} />
      </Form.Item>
      <Form.Item name="householdNo" label="户号" style={{ width: itemWidth }}>
        <Input allowClear maxLength={20} style={{ width: wide ? 130 : '100%' }} />
      </Form.Item>
      <Form.Item name="status" label="状态" style={{ width: itemWidth }}>
        <Select<PersonStatus>
          allowClear
          placeholder="全部"
          style={{ width: wide ? 110 : '100%' }}
          options={PersonStatus.options.map((s) => ({ value: s, label: personStatusLabels[s] }))}
        />
      </Form.Item>
      <Form.Item style={{ width: itemWidth }}>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={list.isFetching}>查询</Button>
          <Button onClick={reset}>重置</Button>
        </Space>
      </Form.Item>
    </Form>
  );

  const personsTab = (
    <>
      {searchForm}
      <Table<PersonSummary>
        rowKey="id"
        size="small"
        columns={personColumns(openHousehold)}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1200 }}
        locale={{ emptyText: list.isError ? '加载失败，请点击刷新重试' : filtered ? '没有符合条件的人员' : '没有人员' }}
        onRow={openRow((p) => openPerson(p.id))}
        pagination={{ ...serverPagination({ page, pageSize }, list.data?.total ?? 0, update, '人'), size: wide ? 'default' : 'small' }}
      />
    </>
  );

  const refresh = tab === 'persons' ? list : duplicates;
  return (
    <PageContainer title={<PageTitle>人口信息查询</PageTitle>} subTitle="按身份号码、姓名、户号或关键词查询本人数据范围内的常住人口；点击一行查看常住人口登记表（查看留痕）">
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k as Tab, page: 1 })}
          tabBarExtraContent={<Button icon={<ReloadOutlined />} loading={refresh.isFetching} onClick={() => void refresh.refetch()}>刷新</Button>}
          items={[
            { key: 'persons', label: '人口信息', children: personsTab },
            {
              key: 'duplicates',
              label: (
                <Space size={6}>
                  重号管理
                  {duplicates.data && <Badge count={duplicates.data.items.length} showZero color={duplicates.data.items.length ? undefined : '#bfbfbf'} aria-label={`${duplicates.data.items.length} 组重号`} />}
                </Space>
              ),
              children: (
                <DuplicateList groups={duplicates.data?.items} loading={duplicates.isFetching} failed={duplicates.isError} onPerson={openPerson} onHousehold={openHousehold} />
              ),
            },
          ]}
        />
      </Card>
      <PersonDrawer id={personId} onClose={() => setPersonId(undefined)} onHousehold={openHousehold} />
      <HouseholdDrawer id={householdId} onClose={() => setHouseholdId(undefined)} onPerson={openPerson} currentPersonId={personId} />
    </PageContainer>
  );
}
