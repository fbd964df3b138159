import { Card, Descriptions, Tag } from 'antd';
import dayjs from 'dayjs';
import type { CitizenMeView } from '@jsga/contracts';
import { authLevelLabel, loginMethodLabels } from '../labels';

/** 基本信息: who is signed in, how, and how strongly verified (numbers masked as the server sends them). */
export function ProfileCard({ me }: { me: CitizenMeView }) {
  return (
    <Card title="基本信息" size="small">
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }}>
        <Descriptions.Item label="姓名">{me.name}</Descriptions.Item>
        <Descriptions.Item label="公民身份号码">{me.idNoMasked}</Descriptions.Item>
        <Descriptions.Item label="手机号码">{me.phoneMasked ?? '未登记'}</Descriptions.Item>
        <Descriptions.Item label="实名等级"><Tag color="blue">{authLevelLabel(me.authLevel)}</Tag></Descriptions.Item>
        <Descriptions.Item label="登录方式">{loginMethodLabels[me.loginMethod]}</Descriptions.Item>
        <Descriptions.Item label="登录有效期至">{dayjs(me.sessionExpiresAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
