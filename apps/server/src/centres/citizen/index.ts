import { DEMO_CITIZEN, DEMO_COMPANY, type ElicenseApi } from '../elicense';
import { defineModule, type AppConfig } from '@jsga/kernel';
import type { MessageApi } from '../message';
import { citizenAuthPublicRoutes, citizenSelfRoutes } from './auth/citizen-auth.routes';
import { createCitizenAuthService, type CitizenAuthService } from './auth/citizen-auth.service';
import type { CitizenIdentityProvider } from './provider/citizen-identity-provider';
import { createLocalIdentityProvider } from './provider/local-identity.provider';

/** What the composition root needs (the access control's `authenticateCitizen`); other centres read `ctx.citizen`. */
export type CitizenApi = Pick<CitizenAuthService, 'authenticate'>;
export type { CitizenIdentityProvider };

export function citizenProviderFor(config: Pick<AppConfig, 'CITIZEN_IDENTITY_PROVIDER'>, elicense: ElicenseApi): CitizenIdentityProvider {
  switch (config.CITIZEN_IDENTITY_PROVIDER) {
    case 'local':
    default:
      return createLocalIdentityProvider(elicense);
  }
}

export const citizenModule = defineModule<CitizenApi>({
  code: 'citizen',
  dependsOn: ['elicense', 'message'],
  setup: ({ db, audit, config, deps }) => {
    const smsDemo = config.CITIZEN_SMS_DEMO === 'auto' ? config.NODE_ENV !== 'production' && !config.SMS_GATEWAY_URL : config.CITIZEN_SMS_DEMO === 'true';
    const service = createCitizenAuthService({
      db, audit, provider: citizenProviderFor(config, deps.elicense as ElicenseApi), message: deps.message as MessageApi,
      settings: { sessionTtlMinutes: config.CITIZEN_SESSION_TTL_MINUTES, smsDemo, scanUrlBase: `${config.PUBLIC_BASE_URL.replace(/\/$/, '')}/portal/scan/` },
    });
    return {
      api: { authenticate: service.authenticate },
      routes: [
        { prefix: '/api/citizen-auth', plugin: citizenAuthPublicRoutes(service) },
        { prefix: '/api/citizen', plugin: citizenSelfRoutes(service) },
      ],
      seedDemo: () => service.seedCompanyRole(db, { creditCode: DEMO_COMPANY.creditCode, companyName: DEMO_COMPANY.name, idNo: DEMO_CITIZEN.idNo, name: DEMO_CITIZEN.name }),
    };
  },
});
