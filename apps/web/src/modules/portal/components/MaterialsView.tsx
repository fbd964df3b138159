import { List, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { materialFormLabels, materialSourceLabels, type MatterMaterial } from '@jsga/contracts';
import { fileUrl } from '../labels';

function Requirement({ m }: { m: MatterMaterial }) {
  return (
    <Space size={4} wrap>
      {m.required ? <Tag color="red">必要</Tag> : <Tag>非必要</Tag>}
      {m.allowTolerance && <Tag color="orange">可容缺</Tag>}
      {m.situational && <Tag color="purple">特定情形</Tag>}
    </Space>
  );
}

function Downloads({ m }: { m: MatterMaterial }) {
  const template = fileUrl(m.templateFileId);
  const sample = fileUrl(m.sampleFileId);
  const paper = (m.templateFileId && !template) || (m.sampleFileId && !sample);
  if (!template && !sample && !paper) return <Typography.Text type="secondary">-</Typography.Text>;
  return (
    <Space size={8} wrap>
      {template && <a href={template} download aria-label={`下载${m.name}空白表格`}><DownloadOutlined /> 空白表格</a>}
      {sample && <a href={sample} download aria-label={`下载${m.name}示例样表`}><DownloadOutlined /> 示例样表</a>}
      {paper && <Typography.Text type="secondary">空白表格与样表可在办理窗口领取</Typography.Text>}
    </Space>
  );
}

function Name({ m }: { m: MatterMaterial }) {
  return (
    <>
      <Typography.Text strong>{m.name}</Typography.Text>
      {m.source !== 'applicant' && (
        <Typography.Text type="success" style={{ display: 'block', fontSize: 12 }}>
          {m.source === 'elicense' ? '可使用电子证照，无需提交纸质材料' : `${materialSourceLabels[m.source]}，可免于提交`}
        </Typography.Text>
      )}
      {m.note && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{m.note}</Typography.Text>}
    </>
  );
}

/** 申请材料: a table on wide screens, one card per material on a phone. */
export function MaterialsView({ materials, compact, caption }: { materials: readonly MatterMaterial[]; compact: boolean; caption: string }) {
  if (compact) {
    return (
      <section aria-label={caption}><List
        dataSource={[...materials]}
        locale={{ emptyText: '无需提交材料' }}
        renderItem={(m, i) => (
          <List.Item key={m.code} style={{ display: 'block' }}>
            <div>{i + 1}. <Name m={m} /></div>
            <Space size={4} wrap style={{ marginTop: 6 }}>
              <Tag color="blue">{materialFormLabels[m.form]}</Tag>
              <Tag>{m.count} 份</Tag>
              <Requirement m={m} />
            </Space>
            {(m.templateFileId || m.sampleFileId) && <div style={{ marginTop: 4 }}><Downloads m={m} /></div>}
          </List.Item>
        )}
      /></section>
    );
  }
  return (
    <section aria-label={caption}><Table<MatterMaterial>
      size="middle"
      rowKey="code"
      pagination={false}
      dataSource={[...materials]}
      locale={{ emptyText: '无需提交材料' }}
      columns={[
        { title: '序号', key: 'no', width: 60, render: (_, __, i) => i + 1 },
        { title: '材料名称', dataIndex: 'name', render: (_, m) => <Name m={m} /> },
        { title: '原件/复印件', dataIndex: 'form', width: 120, render: (_, m) => materialFormLabels[m.form] },
        { title: '份数', dataIndex: 'count', width: 70, align: 'right' },
        { title: '要求', key: 'required', width: 170, render: (_, m) => <Requirement m={m} /> },
        { title: '样表下载', key: 'files', width: 200, render: (_, m) => <Downloads m={m} /> },
      ]}
    /></section>
  );
}
