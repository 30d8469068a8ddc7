import { Typography } from 'antd';

/** What an empty list or table says, in a colour that keeps 4.5:1 (antd's own grey does not). */
export const emptyText = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
