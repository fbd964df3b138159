import { defineModule, type AppConfig } from '@jsga/kernel';
import { loadWarmFonts } from './render/render-pdf';
import { seedPrintReference } from './seed/print.reference';
import { templateAdminRoutes } from './template/template.admin.routes';
import { createTemplateService, type RenderedDocument, type TemplateService } from './template/template.service';

export type { RenderedDocument };

/**
 * What other centres and modules may use of the print centre; pass your transaction as `q`. Nothing
 * here audits: the caller's use case records what it printed and for whom.
 *
 * - `render(q, templateKey, data)`: the key's published template filled with `data` as a PDF, with the
 *   version it came from (keep it with the document). Throws PRINT_TEMPLATE_NOT_FOUND, PRINT_FONT_MISSING.
 * - `getPublished(q, key)`: the published template (definition and the placeholders it uses).
 */
export type PrintApi = Pick<TemplateService, 'render' | 'getPublished'>;


export const printModule = defineModule<PrintApi>({
  code: 'print',
  dependsOn: [],
  setup: ({ db, audit, config }) => {
    // PRINT_FONT_PATH: a TTF/OTF/TTC file replacing the bundled Noto Serif SC
    const fontPath = config.PRINT_FONT_PATH || undefined;
    const service = createTemplateService({ db, audit, fonts: () => loadWarmFonts({ fontPath }) });
    return {
      api: { render: service.render, getPublished: service.getPublished },
      routes: [{ prefix: '/api/admin/print', plugin: templateAdminRoutes(service) }],
      seedReference: () => seedPrintReference(db),
    };
  },
});
