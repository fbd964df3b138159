import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

export function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="当前岗位没有访问该页面的权限，如需开通请联系系统管理员，或切换到其他岗位。"
      extra={<Button type="primary" onClick={() => navigate('/workbench')}>返回工作台</Button>}
    />
  );
}

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={<Button type="primary" onClick={() => navigate('/workbench')}>返回工作台</Button>}
    />
  );
}
