import { Card, Col, Empty, List, Rate, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { evaluationLevelLabels } from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { chinaToday } from '../form';
import { useMyTasks, useOverdueCount, useQueueCount, useRecentEvaluations, useUnread } from './api';

function Tile({ title, value, to, loading, danger }: { title: string; value: number | undefined; to: string; loading: boolean; danger?: boolean }) {
  return (
    <Col xs={12} sm={8} lg={4}>
      <Link to={to} aria-label={`${title}：${value ?? '…'}`}>
        <Card hoverable size="small">
          <Statistic title={title} value={value ?? 0} loading={loading} valueStyle={danger && value ? { color: '#cf1322' } : undefined} />
        </Card>
      </Link>
    </Col>
  );
}

/**
 * 我的主页 for the window and the approver: counts by queue, what is due, unread messages and the
 * latest evaluations of the officer's orgs. Each tile opens the list behind it.
 */
export function MyDesk() {
  const { can } = useAccess();
  const cases = can('case:case:view');
  const tasksAllowed = can('workflow:task:view');
  const pending = useQueueCount('pending', cases);
  const supplement = useQueueCount('supplement', cases);
  const tolerated = useQueueCount('tolerated', cases);
  const overdue = useOverdueCount(cases);
  const tasks = useMyTasks(tasksAllowed);
  const unread = useUnread();
  const evaluations = useRecentEvaluations(cases);
  const today = chinaToday();
  const due = (tasks.data?.items ?? []).filter((t) => t.dueDate && t.dueDate <= today);

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginTop: 16 }} aria-label="工作概况">
        {tasksAllowed && <Tile title="我的待办" value={tasks.data?.total} to="/handling/tasks" loading={tasks.isLoading} />}
        {cases && <Tile title="待预审" value={pending.data} to="/handling/pre-review?queue=pending" loading={pending.isLoading} />}
        {cases && <Tile title="待补件" value={supplement.data} to="/handling/pre-review?queue=supplement" loading={supplement.isLoading} />}
        {cases && <Tile title="待容缺后补" value={tolerated.data} to="/handling/pre-review?queue=tolerated" loading={tolerated.isLoading} />}
        {cases && <Tile title="超期办件" value={overdue.data} to="/handling/cases" loading={overdue.isLoading} danger />}
        <Tile title="未读消息" value={unread.data} to="/messages" loading={unread.isLoading} />
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {tasksAllowed && (
          <Col xs={24} lg={12}>
            <Card title="到期提醒" size="small">
              <List
                size="small"
                dataSource={due}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="今天没有到期的待办" /> }}
                renderItem={(t) => (
                  <List.Item extra={<Tag color={t.dueDate! < today ? 'red' : 'orange'}>{t.dueDate! < today ? `已超期（${t.dueDate}）` : '今日到期'}</Tag>}>
                    <Link to={`/handling/cases/${t.businessKey}`}>{t.definitionName} · {t.nodeName}</Link>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
        {cases && (
          <Col xs={24} lg={12}>
            <Card title="最新评价" size="small">
              <List
                size="small"
                dataSource={evaluations.data?.items ?? []}
                loading={evaluations.isLoading}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无评价" /> }}
                renderItem={(e) => (
                  <List.Item>
                    <List.Item.Meta
                      title={<span><Rate disabled value={e.level} style={{ fontSize: 12 }} /> <Typography.Text>{evaluationLevelLabels[e.level]}</Typography.Text></span>}
                      description={`${e.matterName} · ${e.caseNo}${e.comment ? ` · ${e.comment}` : ''}`}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
