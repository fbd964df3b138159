import { Alert, Button, Space } from 'antd';
import type { PrintTemplateSummary } from '@jsga/contracts';
import { formatDateTime } from '../../../app/ui';

type Props = {
  version: PrintTemplateSummary;
  /** The key's open draft, when another version is shown. */
  openDraft: PrintTemplateSummary | undefined;
  mayManage: boolean;
  saving: boolean;
  onOpenDraft: (id: string) => void;
  onEditNewVersion: () => void;
};

/** A published or retired version cannot change: open the key's draft, or make this content the next draft. */
export function ReadOnlyNotice({ version, openDraft, mayManage, saving, onOpenDraft, onEditNewVersion }: Props) {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      message={`v${version.version} ${version.status === 'published' ? `已于 ${formatDateTime(version.publishedAt)} 发布` : '已停用'}，不能修改`}
      description={openDraft ? `该模板有草稿 v${openDraft.version}。` : '修改请编辑新版本，发布后生效。'}
      action={
        mayManage && (
          <Space direction="vertical">
            {openDraft && (
              <Button size="small" type="primary" onClick={() => onOpenDraft(openDraft.id)}>
                打开草稿 v{openDraft.version}
              </Button>
            )}
            <Button size="small" loading={saving} onClick={onEditNewVersion}>
              编辑新版本
            </Button>
          </Space>
        )
      }
    />
  );
}
