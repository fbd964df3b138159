import { Descriptions, Empty, Table, Tag, Typography } from 'antd';
import {
  applicantTypeLabels,
  handlingModeLabels,
  materialFormLabels,
  materialSourceLabels,
  matterChannelLabels,
  matterTypeLabels,
  matterZoneLabels,
  policeTypeLabels,
  type MatterConfig,
  type MatterMaterial,
} from '@jsga/contracts';
import { formatDays, formatFen, labelList } from './labels';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <section style={{ marginBottom: 16 }}>
    <Typography.Title level={5} style={{ marginBottom: 8 }}>
      {title}
    </Typography.Title>
    {children}
  </section>
);

const Para = ({ text }: { text: string }) =>
  text.trim() ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph> : <Typography.Text type="secondary">未填写</Typography.Text>;

const materialColumns = [
  { title: '编码', dataIndex: 'code', width: 90 },
  {
    title: '材料名称',
    dataIndex: 'name',
    render: (_: unknown, m: MatterMaterial) => (
      <>
        {m.name}
        {m.situational && (
          <Tag color="purple" style={{ marginInlineStart: 6 }}>
            情形材料
          </Tag>
        )}
        {m.note && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {m.note}
          </Typography.Text>
        )}
      </>
    ),
  },
  {
    title: '来源',
    dataIndex: 'source',
    width: 120,
    render: (_: unknown, m: MatterMaterial) => (
      <>
        {materialSourceLabels[m.source]}
        {m.elicenseType && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>证照：{m.elicenseType}</Typography.Text>}
      </>
    ),
  },
  { title: '必要性', dataIndex: 'required', width: 70, render: (_: unknown, m: MatterMaterial) => (m.required ? <Tag color="red">必要</Tag> : <Tag>非必要</Tag>) },
  { title: '容缺', dataIndex: 'allowTolerance', width: 60, render: (_: unknown, m: MatterMaterial) => (m.allowTolerance ? '可容缺' : '-') },
  { title: '原件/复印件', dataIndex: 'form', width: 110, render: (_: unknown, m: MatterMaterial) => materialFormLabels[m.form] },
  { title: '份数', dataIndex: 'count', width: 55, align: 'right' as const },
];

/** 办事指南 read view of one version's configuration (no internal bindings). */
export function MatterGuideView({ config }: { config: MatterConfig }) {
  const g = config.guide;
  return (
    <div>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="事项名称">{config.name}</Descriptions.Item>
        <Descriptions.Item label="事项类型">{matterTypeLabels[config.matterType]}</Descriptions.Item>
        <Descriptions.Item label="警种">{config.policeType ? policeTypeLabels[config.policeType] : '-'}</Descriptions.Item>
        <Descriptions.Item label="事项类别">{config.category}</Descriptions.Item>
        <Descriptions.Item label="办件类型">{labelList(handlingModeLabels, config.handlingModes)}</Descriptions.Item>
        <Descriptions.Item label="申请人类型">{labelList(applicantTypeLabels, config.applicantTypes)}</Descriptions.Item>
        <Descriptions.Item label="办理渠道">{labelList(matterChannelLabels, config.channels)}</Descriptions.Item>
        <Descriptions.Item label="专区">{labelList(matterZoneLabels, config.zones)}</Descriptions.Item>
        <Descriptions.Item label="办理方式">
          {[config.isOnline && '网上办理', config.isOffline && '线下办理'].filter(Boolean).join('、') || '-'}
          {config.needsApproval ? '（需后台审批）' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="法定时限">{formatDays(config.statutoryLimitDays)}</Descriptions.Item>
        <Descriptions.Item label="承诺时限">{formatDays(config.promisedLimitDays)}</Descriptions.Item>
        <Descriptions.Item label="跑动次数">{config.visits} 次</Descriptions.Item>
        <Descriptions.Item label="收费" span={3}>
          {formatFen(config.feeFen)}
          {config.feeNote && <Typography.Text type="secondary">（{config.feeNote}）</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>

      <Section title="受理条件">
        <Para text={config.conditions} />
      </Section>

      <Section title={`申请材料（${config.materials.length}）`}>
        <Table<MatterMaterial> size="small" rowKey="code" pagination={false} columns={materialColumns} dataSource={config.materials} locale={{ emptyText: '无需提交材料' }} />
      </Section>

      <Section title="办理流程">
        {g.flow.length === 0 ? (
          <Typography.Text type="secondary">未填写</Typography.Text>
        ) : (
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            {g.flow.map((s, i) => (
              <li key={i}>
                <Typography.Text strong>{s.title}</Typography.Text>
                {s.description && <Typography.Text type="secondary">：{s.description}</Typography.Text>}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title="办理地点与咨询">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="办理地点">{g.place || '-'}</Descriptions.Item>
          <Descriptions.Item label="办公时间">{g.hours || '-'}</Descriptions.Item>
          <Descriptions.Item label="咨询电话">{g.phone || '-'}</Descriptions.Item>
        </Descriptions>
        {g.notes && <Para text={g.notes} />}
      </Section>

      {g.faq.length > 0 && (
        <Section title="常见问题">
          {g.faq.map((f, i) => (
            <div key={i} style={{ marginBottom: 8 }}>
              <Typography.Text strong>问：{f.question}</Typography.Text>
              <Typography.Paragraph style={{ marginBottom: 0 }}>答：{f.answer}</Typography.Paragraph>
            </div>
          ))}
        </Section>
      )}

      <Section title="设定依据">
        <Para text={config.legalBasis} />
      </Section>
    </div>
  );
}

export const NoVersion = ({ text }: { text: string }) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
