/**
 * The form centre's UI for other modules: the renderer the portal's online application and the
 * window's acceptance pages use, and the hooks that load a published form.
 */
export { FormRenderer, type FormRendererHandle, type FormRendererProps, type FormLayout, type FormValues } from './renderer/FormRenderer';
export { applyPrefill, chinaToday } from './renderer/derive';
export { usePublishedForm, useReleasedForm, formApi } from './api';
