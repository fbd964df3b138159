import { useEffect, useMemo, useState } from 'react';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Col, Empty, Input, InputNumber, List, Row, Space, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useAccess } from '../../app/access';
import { feedback } from '../../app/feedback';
import { isApiError } from '../../app/request';
import { PageTitle } from '../../app/ui';
import { useCalendar, useSaveCalendar } from './api';
import { applyMark, datesBetween, dayState, daysOf, marksOf, monthGrid, pointlessWorkday, sameMarks, type DayState, type Marks, type MarkKind } from './calendar/calendar-model';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const stateStyle: Record<DayState, React.CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  workday: { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 },
  weekend: { color: '#8c8c8c' },
  normal: {},
};
const kindLabels: Record<MarkKind, string> = { holiday: '法定节假日', workday: '调休上班' };

function MonthCard({ year, month, marks, selected, onPick }: { year: number; month: number; marks: Marks; selected: ReadonlySet<string>; onPick: (date: string, extend: boolean) => void }) {
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Card size="small" title={`${month + 1} 月`} styles={{ body: { padding: 8 } }}>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }} role="grid" aria-label={`${year}年${month + 1}月`}>
        <thead>
          <tr>
            {WEEKDAYS.map((w, i) => (
              <th key={w} style={{ fontWeight: 400, fontSize: 12, color: i >= 5 ? '#8c8c8c' : undefined }}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(year, month).map((week, wi) => (
            <tr key={wi}>
              {week.map((date, di) => {
                if (!date) return <td key={di} />;
                const state = dayState(date, marks);
                const mark = marks.get(date);
                const isSelected = selected.has(date);
                const label = `${date}${mark ? ` ${kindLabels[mark.kind]}${mark.note ? ` ${mark.note}` : ''}` : state === 'weekend' ? ' 周末' : ''}`;
                return (
                  <td key={di} style={{ padding: 1 }}>
                    <button
                      type="button"
                      aria-label={label}
                      aria-pressed={isSelected}
                      title={label}
                      onClick={(e) => onPick(date, e.shiftKey)}
                      style={{
                        width: '100%',
                        height: 30,
                        border: date === today ? '1px solid #1d4ed8' : '1px solid transparent',
                        borderRadius: 4,
                        cursor: 'pointer',
                        position: 'relative',
                        fontSize: 12,
                        padding: 0,
                        background: 'transparent',
                        ...stateStyle[state],
                        ...(isSelected ? { outline: '2px solid #faad14', outlineOffset: -2 } : {}),
                      }}
                    >
                      {Number(date.slice(8))}
                      {mark && <span style={{ position: 'absolute', top: 0, right: 2, fontSize: 9 }}>{mark.kind === 'holiday' ? '休' : '班'}</span>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/**
 * 工作日历: marks 法定节假日 and 调休上班 for a year (weekends are rest days unless marked 调休上班);
 * time limits and working-day timers are counted with it. Saved per year, replacing that year.
 */
export function CalendarPage() {
  const { modal } = App.useApp();
  const { can } = useAccess();
  const canEdit = can('workflow:calendar:manage');
  const [year, setYear] = useState(() => dayjs().year());
  const calendar = useCalendar(year);
  const save = useSaveCalendar();
  const saved = useMemo(() => marksOf(calendar.data?.days ?? []), [calendar.data]);
  const [marks, setMarks] = useState<Map<string, { kind: MarkKind; note: string }>>(new Map());
  const [selected, setSelected] = useState<string[]>([]);
  const [anchor, setAnchor] = useState<string | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    setMarks(new Map(saved));
    setSelected([]);
    setAnchor(null);
  }, [saved]);

  const dirty = !sameMarks(marks, saved);
  const selectedSet = useMemo(() => new Set(selected), [selected]);

  const goYear = (next: number) => {
    if (next < 2000 || next > 2100 || next === year) return;
    if (!dirty) return setYear(next);
    modal.confirm({
      title: `${year} 年的修改尚未保存`,
      content: '切换年份将放弃这些修改。',
      okText: '放弃并切换',
      okButtonProps: { danger: true },
      cancelText: '留在本年',
      onOk: () => setYear(next),
    });
  };

  const pick = (date: string, extend: boolean) => {
    const range = extend && anchor ? datesBetween(anchor, date) : [date];
    if (!extend) setAnchor(date);
    setSelected(range);
    const first = marks.get(range[0]);
    setNote(range.every((d) => marks.get(d)?.note === first?.note) ? (first?.note ?? '') : '');
  };

  const mark = (kind: MarkKind | null) => {
    setMarks((m) => applyMark(m, selected, kind, note));
  };

  const doSave = async () => {
    try {
      const r = await save.mutateAsync({ year, days: daysOf(marks) });
      feedback.message.success(`${r.year} 年工作日历已保存（法定节假日 ${r.days.filter((d) => d.kind === 'holiday').length} 天，调休上班 ${r.days.filter((d) => d.kind === 'workday').length} 天）`);
    } catch (e) {
      feedback.message.error(isApiError(e) ? e.message : '保存失败，请稍后重试');
    }
  };

  const list = daysOf(marks);

  return (
    <PageContainer
      title={<PageTitle>工作日历</PageTitle>}
      subTitle="维护法定节假日与调休上班日；办理时限与定时按工作日计算"
      extra={
        <Space>
          <Button aria-label="上一年" icon={<LeftOutlined />} onClick={() => goYear(year - 1)} />
          <InputNumber aria-label="年份" min={2000} max={2100} value={year} onChange={(v) => typeof v === 'number' && goYear(v)} style={{ width: 90 }} />
          <Button aria-label="下一年" icon={<RightOutlined />} onClick={() => goYear(year + 1)} />
          {canEdit && (
            <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={() => void doSave()}>
              保存 {year} 年
            </Button>
          )}
        </Space>
      }
    >
      {calendar.isError && <Alert type="error" showIcon message="无法加载工作日历" style={{ marginBottom: 12 }} />}
      <Row gutter={12} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Space size={16} style={{ marginBottom: 8, fontSize: 12 }}>
            <span>
              <Tag color="red">休</Tag>法定节假日
            </span>
            <span>
              <Tag color="blue">班</Tag>调休上班
            </span>
            <Typography.Text type="secondary">灰色为周末。点击选择日期，按住 Shift 点击选择连续日期。</Typography.Text>
          </Space>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 8 }}>
            {Array.from({ length: 12 }, (_, m) => (
              <MonthCard key={m} year={year} month={m} marks={marks} selected={selectedSet} onPick={pick} />
            ))}
          </div>
        </Col>
        <Col flex="320px">
          <Card size="small" title={selected.length ? `已选 ${selected.length} 天` : '标记日期'} style={{ position: 'sticky', top: 64 }}>
            {selected.length === 0 ? (
              <Typography.Text type="secondary">在左侧日历中选择日期。</Typography.Text>
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text>{selected.length === 1 ? selected[0] : `${selected[0]} 至 ${selected[selected.length - 1]}`}</Typography.Text>
                <Input aria-label="备注" placeholder="备注，如：国庆节" maxLength={50} value={note} onChange={(e) => setNote(e.target.value)} disabled={!canEdit} />
                {canEdit && (
                  <Space wrap>
                    <Button danger onClick={() => mark('holiday')}>
                      设为法定节假日
                    </Button>
                    <Button type="primary" ghost onClick={() => mark('workday')}>
                      设为调休上班
                    </Button>
                    <Button onClick={() => mark(null)}>恢复常规</Button>
                  </Space>
                )}
              </Space>
            )}
          </Card>
          <Card size="small" title={`${year} 年已标记（${list.length}）`} style={{ marginTop: 12 }} styles={{ body: { maxHeight: 420, overflow: 'auto', padding: 0 } }}>
            {list.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未标记" />
            ) : (
              <List
                size="small"
                dataSource={list}
                renderItem={(d) => (
                  <List.Item
                    style={{ cursor: 'pointer' }}
                    onClick={() => pick(d.date, false)}
                    actions={
                      canEdit
                        ? [
                            <Typography.Link key="rm" type="danger" onClick={(e) => { e.stopPropagation(); setMarks((m) => applyMark(m, [d.date], null, '')); }}>
                              移除
                            </Typography.Link>,
                          ]
                        : []
                    }
                  >
                    <Space size={4} wrap>
                      <span>{d.date}</span>
                      <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{kindLabels[d.kind]}</Tag>
                      {d.note && <Typography.Text type="secondary">{d.note}</Typography.Text>}
                      {pointlessWorkday(d.date, marks) && <Typography.Text type="warning">（本为工作日）</Typography.Text>}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
          {dirty && <Alert type="warning" showIcon style={{ marginTop: 12 }} message="有未保存的修改" />}
        </Col>
      </Row>
    </PageContainer>
  );
}
