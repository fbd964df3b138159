import { defineModule } from '@jsga/kernel';
import { seedMessageReference } from './message.reference';
import { messageRoutes } from './message.routes';
import { createMessageService, type MessageService, type Recipient } from './message.service';
import { createHttpSmsGateway, createLoggingSmsGateway } from './sms/sms-gateway';

export type { Recipient };
/** What other modules may use: send inside their transaction. */
export type MessageApi = Pick<MessageService, 'send' | 'deliverSms' | 'listSms'>;

export const messageModule = defineModule<MessageApi>({
  code: 'message',
  dependsOn: [],
  setup: ({ db, config, log }) => {
    const sms = config.SMS_GATEWAY_URL ? createHttpSmsGateway(config.SMS_GATEWAY_URL, config.SMS_GATEWAY_TOKEN) : createLoggingSmsGateway(log);
    const service = createMessageService({ db, sms });
    return {
      api: service,
      routes: [{ prefix: '/api/messages', plugin: messageRoutes(service) }],
      jobs: [{ name: 'message.sms', everyMs: 10_000, run: () => service.deliverSms() }],
      seedReference: () => seedMessageReference(db, service),
    };
  },
});
