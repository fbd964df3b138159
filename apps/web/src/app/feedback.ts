import { App, message as staticMessage, notification as staticNotification } from 'antd';

/**
 * antd's static `message`/`notification` cannot read the ConfigProvider context (locale, theme).
 * The request layer lives outside React, so <FeedbackBridge/> (rendered inside antd's <App/>)
 * hands it the context-aware instances; until then the static ones are used (e.g. in tests).
 */
type AppApi = ReturnType<typeof App.useApp>;
export type MessageApi = AppApi['message'];
export type NotificationApi = AppApi['notification'];

let current: { message: MessageApi; notification: NotificationApi } = {
  message: staticMessage,
  notification: staticNotification,
};

export const feedback = {
  get message(): MessageApi {
    return current.message;
  },
  get notification(): NotificationApi {
    return current.notification;
  },
};

export function setFeedback(next: { message: MessageApi; notification: NotificationApi }): void {
  current = next;
}
