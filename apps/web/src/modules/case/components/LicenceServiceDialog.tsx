import { useEffect, useState } from 'react';
import { Alert, Button, Empty, List, Modal, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { CaseView, LicenceCandidatesView } from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { isApiError } from '../../../app/request';
import { useLicenceCandidates, useReplaceWithLicence } from '../api';
import { materialStatusColors, materialStatusLabels } from './labels';

type Candidate = LicenceCandidatesView['items'][number];

/** What the case holds for the material now: a file handed in, or nothing yet under 容缺. */
function currentState(c: Candidate, view: CaseView): string {
  if (c.status === 'tolerated_missing') return '容缺，尚未补交';
  return view.materials.find((m) => m.id === c.materialId)?.fileId ? '现为上传的文件' : '现无文件';
}

/**
 * 证照服务: for each material an e-licence may stand for, the applicant's licences of that type in force
 * (looked up when the dialog opens; the lookup is audited). 使用电子证照 puts the chosen one in place
 * of the file, or of the material still owed under 容缺.
 */
export function LicenceServiceDialog({ view, open, onClose, onReload }: { view: CaseView; open: boolean; onClose: () => void; onReload: (notice?: string) => void }) {
  const candidates = useLicenceCandidates(view.id, open);
  const replace = useReplaceWithLicence();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setChosen({});
    setProblems({});
  }, [open]);

  // the only licence of its type is the obvious choice; with several the officer picks one
  const choiceOf = (c: Candidate) => chosen[c.materialId] ?? (c.licences.length === 1 ? c.licences[0].id : undefined);

  const use = async (c: Candidate) => {
    const licenceId = choiceOf(c);
    if (!licenceId || busy) return;
    setBusy(c.materialId);
    setProblems(({ [c.materialId]: _cleared, ...rest }) => rest);
    try {
      await replace.mutateAsync({ id: view.id, materialId: c.materialId, licenceId });
      feedback.message.success(`已以电子证照替代「${c.materialName}」`);
    } catch (e) {
      if (isApiError(e) && (e.code === 'CASE_STALE' || e.code === 'CASE_ACTION_NOT_ALLOWED')) {
        onClose();
        onReload(e.code === 'CASE_STALE' ? '办件已被他人办理或修改，已重新加载最新内容，请核对后再操作' : `${e.message}，已重新加载最新内容`);
        return;
      }
      setProblems((p) => ({ ...p, [c.materialId]: isApiError(e) ? e.message : '替代失败，请稍后重试' }));
    } finally {
      setBusy(null);
    }
  };

  const items = candidates.data?.items ?? [];
  let body;
  if (candidates.isLoading) body = <Skeleton active />;
  else if (candidates.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        message={isApiError(candidates.error) ? candidates.error.message : '无法查询申请人的电子证照'}
        action={<Button size="small" onClick={() => void candidates.refetch()}>重试</Button>}
      />
    );
  } else if (items.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本办件没有可以电子证照替代的材料（或已全部替代）" />;
  } else {
    body = (
      <List<Candidate>
        dataSource={items}
        rowKey="materialId"
        renderItem={(c) => {
          const choice = choiceOf(c);
          return (
            <List.Item style={{ display: 'block' }}>
              <section aria-label={c.materialName}>
                <Space size={6} wrap style={{ marginBottom: 6 }}>
                  <Typography.Text strong>{c.materialName}</Typography.Text>
                  <Tag color={materialStatusColors[c.status]}>{materialStatusLabels[c.status] ?? c.status}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{currentState(c, view)}</Typography.Text>
                </Space>
                {c.licences.length === 0 ? (
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>申请人没有该类型的有效电子证照</Typography.Paragraph>
                ) : (
                  <Space align="end" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                    <Radio.Group
                      aria-label={`${c.materialName}的电子证照`}
                      value={choice}
                      onChange={(e) => setChosen((all) => ({ ...all, [c.materialId]: e.target.value as string }))}
                    >
                      <Space direction="vertical" size={4}>
                        {c.licences.map((l) => (
                          <Radio key={l.id} value={l.id}>
                            {l.typeName} {l.licenceNo}
                            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                              {[l.holderName, l.issuerName].filter(Boolean).join(' · ')} · 有效期至 {l.validTo ?? '长期'}
                            </Typography.Text>
                          </Radio>
                        ))}
                      </Space>
                    </Radio.Group>
                    <Button type="primary" icon={<SafetyCertificateOutlined />} disabled={!choice || (!!busy && busy !== c.materialId)} loading={busy === c.materialId} onClick={() => void use(c)}>
                      使用电子证照
                    </Button>
                  </Space>
                )}
                {problems[c.materialId] && <Alert type="error" showIcon style={{ marginTop: 8 }} message={problems[c.materialId]} />}
              </section>
            </List.Item>
          );
        }}
      />
    );
  }

  return (
    <Modal open={open} title={`证照服务 · ${view.caseNo}`} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width="min(720px, 96vw)" destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        以申请人本人在有效期内的电子证照替代其所交或暂缺的材料；查询与替代均记录审计，并写入办理过程。
      </Typography.Paragraph>
      {body}
    </Modal>
  );
}
