import { Collapse, Drawer, Grid, Typography } from 'antd';

const faq = [
  { q: '使用公众门户需要登录吗？', a: '查询办事指南、在线导办和生成材料清单都无需登录，手机和电脑均可使用。' },
  { q: '怎样找到要办的事项？', a: '在页面顶部的搜索框输入事项名称，输入部分名称或有错别字也能给出提示；也可以从首页按警种或专区浏览。' },
  { q: '什么是在线导办？', a: '在线导办会逐一询问您的具体情况，按您的回答生成一份只包含您需要准备的材料的“一单告知”清单，可打印或保存。' },
  { q: '“容缺”是什么意思？', a: '标注“可容缺”的材料暂时缺少时，可先受理，在规定期限内补交即可。' },
  { q: '材料清单中的“电子证照”怎么用？', a: '已领取对应电子证照的，办理时授权调用电子证照即可，无需提交纸质原件。' },
  { q: '还有疑问怎么办？', a: '可拨打 12345 政务服务便民热线，或咨询办事指南中列出的办理窗口电话。' },
];

/** 在线帮助: how to use the portal. */
export function HelpDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer title="在线帮助" open={open} onClose={onClose} width={screens.md ? 480 : '100%'} closable aria-label="在线帮助">
      <Typography.Paragraph>以下是使用江苏公安政务服务公众门户的常见问题。</Typography.Paragraph>
      <Collapse items={faq.map((f, i) => ({ key: String(i), label: f.q, children: <Typography.Paragraph style={{ margin: 0 }}>{f.a}</Typography.Paragraph> }))} defaultActiveKey={['0']} />
    </Drawer>
  );
}
