import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Col, Result, Button, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { isApiError } from '../../app/request';
import { formatDateTime, PageTitle } from '../../app/ui';
import { useMatter, useMatterVersion } from './api';
import { ChecklistPreview } from './components/ChecklistPreview';
import { VersionStatusTag } from './components/labels';
import { MatterGuideView, NoVersion } from './components/MatterGuideView';
import { SituationTree } from './components/SituationTree';
import { VersionEditDrawer } from './components/VersionEditDrawer';
import { VersionPanel } from './components/VersionPanel';

/** 事项详情: 办事指南 and 情形 of the published version (else the newest), and the version life cycle. */
export function MatterDetailPage() {
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const matter = useMatter(id);
  const m = matter.data;
  const latest = m?.versions[0];
  // The guide shows the version in force; a matter never published shows its newest version instead.
  const shownId = m ? (m.publishedVersionId ?? latest?.id) : undefined;
  const shown = useMatterVersion(shownId);
  const [editing, setEditing] = useState<string | null>(null);
  const closeEditor = useCallback(() => setEditing(null), []);
  const [tab, setTab] = useState('guide');

  if (matter.isError) {
    const notFound = isApiError(matter.error) && matter.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '事项不存在' : '无法加载事项'}
        extra={<Button onClick={() => navigate('/config/matters')}>返回事项列表</Button>}
      />
    );
  }

  const config = shown.data?.config;
  const name = config?.name ?? latest?.name ?? '';
  const shownHeader = m?.versions.find((v) => v.id === shownId);

  return (
    <PageContainer
      onBack={() => navigate('/config/matters')}
      title={<PageTitle>{m ? `${m.code} ${name}` : '事项详情'}</PageTitle>}
      subTitle={
        m && (
          <Space size={4}>
            {m.publishedVersionId ? <Tag color="green">已发布</Tag> : <Tag>未发布</Tag>}
            {latest && (
              <>
                <Typography.Text type="secondary">最新版本 v{latest.versionNo}</Typography.Text>
                <VersionStatusTag status={latest.status} />
              </>
            )}
          </Space>
        )
      }
    >
      {!m ? (
        <Skeleton active />
      ) : (
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'guide',
                label: '办事指南',
                children: (
                  <>
                    {shownHeader && (
                      <Alert
                        type={m.publishedVersionId ? 'info' : 'warning'}
                        showIcon
                        style={{ marginBottom: 12 }}
                        message={
                          m.publishedVersionId
                            ? `现行版本 v${shownHeader.versionNo}，发布于 ${formatDateTime(shownHeader.publishedAt)}`
                            : `事项尚未发布，以下为最新版本 v${shownHeader.versionNo}（${shownHeader.status === 'draft' ? '草稿' : '待审核'}）的内容`
                        }
                      />
                    )}
                    {config ? <MatterGuideView config={config} /> : shown.isError ? <NoVersion text="无法加载版本内容" /> : <Skeleton active />}
                  </>
                ),
              },
              {
                key: 'situations',
                label: `情形${config ? `（${config.situations.length}）` : ''}`,
                children: !config ? (
                  <Skeleton active />
                ) : (
                  <Row gutter={24}>
                    <Col xs={24} xl={13}>
                      <SituationTree situations={config.situations} materials={config.materials} />
                    </Col>
                    <Col xs={24} xl={11}>
                      {m.publishedVersionId && shownHeader ? (
                        <Card size="small">
                          <ChecklistPreview matterCode={m.code} situations={config.situations} versionNo={shownHeader.versionNo} />
                        </Card>
                      ) : (
                        <Alert type="info" showIcon message="事项发布后，可在这里选择情形，预览服务端生成的一单告知材料清单" />
                      )}
                    </Col>
                  </Row>
                ),
              },
              {
                key: 'versions',
                label: `版本（${m.versions.length}）`,
                children: <VersionPanel matter={m} onEdit={setEditing} />,
              },
            ]}
          />
        </Card>
      )}
      <VersionEditDrawer versionId={editing} onClose={closeEditor} />
    </PageContainer>
  );
}
