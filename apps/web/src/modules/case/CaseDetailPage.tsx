import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { ApartmentOutlined, EyeInvisibleOutlined, EyeOutlined, NodeIndexOutlined, ReloadOutlined, SafetyCertificateOutlined, SwapOutlined } from '@ant-design/icons';
import { applicantTypeLabels, caseChannelLabels, policeTypeLabels, type CaseAction, type CaseView } from '@jsga/contracts';
import { useAccess } from '../../app/access';
import { feedback } from '../../app/feedback';
import { notifyError } from '../../app/form-errors';
import { isApiError } from '../../app/request';
import { formatDateTime, PageTitle } from '../../app/ui';
import { caseApi, useCase, type CaseSensitive } from './api';
import { ActionPanel } from './components/ActionPanel';
import { CaseActionDialog } from './components/CaseActionDialog';
import { isFinished } from './components/case-actions';
import { DeliveryDialog } from './components/DeliveryDialog';
import { CaseHistory, CaseLinks, CaseMaterials, CasePauses } from './components/CaseSections';
import { changedFieldKeys } from '@jsga/form-engine';
import { CaseFormPanel, type FormFieldError } from './components/CaseFormPanel';
import type { FormRendererHandle, FormValues } from '../form';
import { CaseStatusTag, daysUntil, deliveryMethodLabels, SlaTag } from './components/labels';
import { LicenceServiceDialog } from './components/LicenceServiceDialog';
import { MigrateProcessDialog } from './components/MigrateProcessDialog';
import { PrintApplicationFormButton } from './components/PrintApplicationForm';
import { PrintDocumentsButton } from './components/PrintDocuments';
import { ReturnStepDialog } from './components/ReturnStepDialog';
import { SupplementRequestAlert } from './components/SupplementRequestAlert';
import { ToleranceCard } from './components/ToleranceCard';

const resultLabels = { approved: '准予', disapproved: '不予' } as const;

/** 时限: deadline, what is left (calendar days), paused working days and the limit. */
function SlaSummary({ view }: { view: CaseView }) {
  if (view.slaStatus === 'none') return <Typography.Text type="secondary">{view.limitDays === null ? '本事项无办理时限' : `受理后开始计时（${view.limitDays} 个工作日）`}</Typography.Text>;
  const left = view.slaDeadline ? daysUntil(view.slaDeadline) : null;
  return (
    <Space size={8} wrap>
      <SlaTag status={view.slaStatus} deadline={view.slaDeadline} />
      {left !== null && view.slaStatus !== 'stopped' && view.slaStatus !== 'paused' && (
        <Typography.Text type={left < 0 ? 'danger' : left <= 2 ? 'warning' : undefined}>{left < 0 ? `已超期 ${-left} 天` : left === 0 ? '今日到期' : `剩余 ${left} 天`}</Typography.Text>
      )}
      {view.slaPausedDays > 0 && <Typography.Text type="secondary">已暂停 {view.slaPausedDays} 个工作日</Typography.Text>}
      {view.limitDays !== null && <Typography.Text type="secondary">时限 {view.limitDays} 个工作日</Typography.Text>}
    </Space>
  );
}

/** A masked value with the 查看 eye: the full value comes from the audited sensitive endpoint. */
function Sensitive({ masked, full, label, loading, canView, onToggle }: { masked: string | null; full: string | null | undefined; label: string; loading: boolean; canView: boolean; onToggle: () => void }) {
  if (!masked) return <>-</>;
  const shown = full !== undefined && full !== null;
  return (
    <Space size={4}>
      <Typography.Text copyable={shown ? { text: full } : false}>{shown ? full : masked}</Typography.Text>
      {canView && (
        <Tooltip title={shown ? `隐藏${label}` : `查看完整${label}（将记录审计）`}>
          <Button
            type="text"
            size="small"
            aria-label={shown ? `隐藏${label}` : `查看${label}`}
            loading={loading}
            icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            onClick={onToggle}
          />
        </Tooltip>
      )}
    </Space>
  );
}

/** 结果送达: the method, and for 邮寄 who gets it where (phone masked). */
function DeliverySummary({ delivery }: { delivery: NonNullable<CaseView['delivery']> }) {
  const mail = delivery.method === 'post' ? [delivery.recipient, delivery.phoneMasked, delivery.address].filter(Boolean).join('，') : '';
  return (
    <span>
      <Tag style={{ marginInlineEnd: 4 }}>{deliveryMethodLabels[delivery.method]}</Tag>
      {mail}
    </span>
  );
}

/**
 * 办件详情: header facts (and 打印申请表), 容缺受理 (when accepted so), 办理 (the allowed actions), 办理过程,
 * 材料 (with 证照服务), 计时暂停, 关联, 表单数据.
 */
export function CaseDetailPage() {
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  // the list the case was opened from (办件查询 or 网上预审, with its tab and page)
  const state = useLocation().state as { from?: unknown } | null;
  const from = typeof state?.from === 'string' ? state.from : '/handling/cases';
  const { can } = useAccess();
  const query = useCase(id);
  const view = query.data;
  const [tab, setTab] = useState('handle');
  const [acting, setActing] = useState<CaseAction | null>(null);
  const [returning, setReturning] = useState(false);
  const [migrating, setMigrating] = useState(false);
  const [changingDelivery, setChangingDelivery] = useState(false);
  const [licensing, setLicensing] = useState(false);
  const [sensitive, setSensitive] = useState<CaseSensitive | null>(null);
  const [loadingSensitive, setLoadingSensitive] = useState(false);
  const [formEdits, setFormEdits] = useState<FormValues | null>(null);
  const [formErrors, setFormErrors] = useState<FormFieldError[] | undefined>();
  const formRef = useRef<FormRendererHandle>(null);

  // another case (or a reload after handling) hides the unmasked values again
  useEffect(() => setSensitive(null), [id]);
  // unsubmitted form changes belong to the case and revision they were made on
  useEffect(() => {
    setFormEdits(null);
    setFormErrors(undefined);
  }, [id, view?.revision]);

  const { refetch } = query;
  const reload = useCallback(
    (notice?: string) => {
      if (notice) feedback.message.warning({ content: notice, duration: 6 });
      void refetch();
    },
    [refetch],
  );

  const toggleSensitive = async () => {
    if (sensitive) {
      setSensitive(null);
      return;
    }
    if (!id) return;
    setLoadingSensitive(true);
    try {
      setSensitive(await caseApi.sensitive(id));
    } catch (e) {
      notifyError(e);
    } finally {
      setLoadingSensitive(false);
    }
  };

  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '办件不存在或不在您的数据范围内' : '无法加载办件'}
        extra={
          <Space>
            {!notFound && <Button onClick={() => void refetch()}>重试</Button>}
            <Button type="primary" onClick={() => navigate('/handling/cases')}>返回办件查询</Button>
          </Space>
        }
      />
    );
  }

  const canHandle = can('case:case:handle');
  const formChanged = !!view && changedFieldKeys(view.formData, formEdits).length > 0;
  const monitorLink = view?.workflowInstanceId && can('workflow:instance:monitor') ? `/handling/monitor/${view.workflowInstanceId}` : null;

  return (
    <PageContainer
      onBack={() => navigate(from)}
      title={<PageTitle>{view ? `办件 ${view.caseNo}` : '办件详情'}</PageTitle>}
      subTitle={view && <CaseStatusTag status={view.status} />}
      extra={
        view && (
          <Space wrap>
            {monitorLink && (
              <Button
                icon={<ApartmentOutlined />}
                href={monitorLink}
                onClick={(e) => {
                  if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                  e.preventDefault();
                  navigate(monitorLink);
                }}
              >
                流程监控
              </Button>
            )}
            {view.workflowInstanceId && can('workflow:instance:migrate') && (
              <Button icon={<NodeIndexOutlined />} onClick={() => setMigrating(true)}>
                流程迁移
              </Button>
            )}
            {canHandle && <PrintApplicationFormButton view={view} />}
            {canHandle && <PrintDocumentsButton view={view} />}
            <Button icon={<ReloadOutlined />} loading={query.isFetching} onClick={() => reload()}>
              刷新
            </Button>
          </Space>
        )
      }
    >
      {!view ? (
        <Skeleton active />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
              items={[
                { key: 'caseNo', label: '办件编号', children: <Typography.Text copyable>{view.caseNo}</Typography.Text> },
                {
                  key: 'matter',
                  label: '事项',
                  children: (
                    <Space size={4} wrap>
                      {view.matterName}
                      <Tag>v{view.matterVersionNo}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{view.matterCode}</Typography.Text>
                    </Space>
                  ),
                },
                { key: 'sla', label: '时限', children: <SlaSummary view={view} /> },
                { key: 'applicant', label: `申请人（${applicantTypeLabels[view.applicantType]}）`, children: view.applicantName },
                {
                  key: 'idNo',
                  label: view.applicantType === 'natural_person' ? '证件号码' : '统一社会信用代码',
                  children: <Sensitive masked={view.applicantIdNoMasked} full={sensitive?.applicantIdNo} label="证件号码" loading={loadingSensitive} canView={canHandle} onToggle={() => void toggleSensitive()} />,
                },
                {
                  key: 'phone',
                  label: '联系电话',
                  children: <Sensitive masked={view.contactPhoneMasked} full={sensitive?.contactPhone} label="联系电话" loading={loadingSensitive} canView={canHandle} onToggle={() => void toggleSensitive()} />,
                },
                { key: 'org', label: '受理单位', children: view.orgName ?? '-' },
                { key: 'channel', label: '申报渠道', children: caseChannelLabels[view.channel] ?? view.channel },
                { key: 'policeType', label: '警种', children: view.policeType ? policeTypeLabels[view.policeType] : '-' },
                { key: 'submittedAt', label: '申报时间', children: formatDateTime(view.submittedAt) },
                { key: 'acceptedAt', label: '受理时间', children: formatDateTime(view.acceptedAt) },
                {
                  key: 'concludedAt',
                  label: '办结时间',
                  children: (
                    <Space size={4}>
                      {formatDateTime(view.concludedAt)}
                      {view.result && <Tag color={view.result === 'approved' ? 'success' : 'error'}>{resultLabels[view.result]}</Tag>}
                    </Space>
                  ),
                },
                ...(view.delivery
                  ? [{
                      key: 'delivery',
                      label: '结果送达',
                      children: (
                        <Space size={4} wrap>
                          <DeliverySummary delivery={view.delivery} />
                          {canHandle && !isFinished(view.status) && (
                            <Button size="small" type="link" icon={<SwapOutlined />} onClick={() => setChangingDelivery(true)}>
                              变更送达方式
                            </Button>
                          )}
                        </Space>
                      ),
                    }]
                  : []),
              ]}
            />
          </Card>
          <ToleranceCard view={view} />
          {view.status === 'supplement' && view.supplementRequest && (
            <div style={{ marginBottom: 12 }}>
              <SupplementRequestAlert request={view.supplementRequest} />
            </div>
          )}
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                { key: 'handle', label: '办理', children: <ActionPanel view={view} canHandle={canHandle} onAction={setActing} onReturnStep={() => setReturning(true)} /> },
                { key: 'history', label: `办理过程（${view.history.length}）`, children: <CaseHistory history={view.history} /> },
                {
                  key: 'materials',
                  label: `材料（${view.materials.length}）`,
                  children: (
                    <>
                      {canHandle && !isFinished(view.status) && (
                        <Space size={8} wrap style={{ marginBottom: 8 }}>
                          <Button icon={<SafetyCertificateOutlined />} onClick={() => setLicensing(true)}>
                            证照服务
                          </Button>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>以申请人的有效电子证照替代所交或暂缺的材料</Typography.Text>
                        </Space>
                      )}
                      <CaseMaterials materials={view.materials} />
                    </>
                  ),
                },
                { key: 'pauses', label: `计时暂停（${view.pauses.length}）`, children: <CasePauses pauses={view.pauses} pausedDays={view.slaPausedDays} /> },
                { key: 'links', label: `关联（${view.links.length}）`, children: <CaseLinks links={view.links} /> },
                {
                  key: 'form',
                  label: formChanged ? '申请表（已修改）' : '申请表',
                  children: <CaseFormPanel ref={formRef} view={view} canHandle={canHandle} edits={formEdits} onEdit={setFormEdits} serverErrors={formErrors} />,
                },
              ]}
            />
          </Card>
          <CaseActionDialog
            view={view}
            action={acting}
            onClose={() => setActing(null)}
            onReload={reload}
            formData={formChanged ? formEdits : null}
            checkForm={() => {
              const ok = formRef.current ? formRef.current.validate({ focus: false }).ok : true;
              if (!ok) setTab('form');
              return ok;
            }}
            onFormErrors={(errors) => {
              setFormErrors(errors);
              setTab('form');
            }}
          />
          <ReturnStepDialog view={view} open={returning} onClose={() => setReturning(false)} onReload={reload} />
          <MigrateProcessDialog view={view} open={migrating} onClose={() => setMigrating(false)} onReload={reload} />
          <DeliveryDialog view={view} open={changingDelivery} onClose={() => setChangingDelivery(false)} onReload={reload} />
          <LicenceServiceDialog view={view} open={licensing} onClose={() => setLicensing(false)} onReload={reload} />
        </>
      )}
    </PageContainer>
  );
}
