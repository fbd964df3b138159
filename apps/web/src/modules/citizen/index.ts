/** What the portal shell and other modules may use of the citizen (公众身份) module. */
export { useCitizenMe, useCitizenLogout, useCitizenSessionHandler, useCitizenToken } from './api';
export { CitizenConsentDialog, useCitizenConsent } from './CitizenConsentDialog';
export { RequireCitizen } from './RequireCitizen';
export { CitizenUserMenu } from './components/CitizenUserMenu';
