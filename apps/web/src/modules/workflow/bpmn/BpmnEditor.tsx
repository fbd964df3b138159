import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import Modeler from 'bpmn-js/lib/Modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { jsgaModdle } from './jsga-moddle';
import { PropertiesPanel } from './PropertiesPanel';
import { fitDiagram, type BusinessObject, type Canvas, type CommandStack, type DiagramElement, type DiagramHost, type ElementRegistry, type EventBus, type Selection } from './services';
import { translateZhModule } from './translate-zh';
import './bpmn-theme.css';

/** Room the palette takes on the canvas' left edge. */
const PALETTE_WIDTH = 70;

export interface BpmnEditorHandle {
  /**
   * The diagram as BPMN XML. `dropChain`: remove the stored 审批链 (the diagram no longer matches it
   * once edited here).
   */
  getXml(options?: { dropChain?: boolean }): Promise<string>;
  getSvg(): Promise<string>;
  /** Replaces the diagram (import of a file); throws on unreadable XML. */
  importXml(xml: string): Promise<void>;
  /** True once anything was changed since the last import or `markSaved`. */
  isModified(): boolean;
  /** The diagram was saved as `xml`: no longer modified, and receiving that XML back is not a new import. */
  markSaved(xml: string): void;
  undo(): void;
  redo(): void;
  fit(): void;
  select(elementId: string): boolean;
  /** Puts `marker` on exactly these elements (e.g. the ones the server complained about). */
  mark(marker: string, elementIds: readonly string[]): void;
}

interface Props {
  xml: string;
  onModifiedChange?: (modified: boolean) => void;
  height?: number | string;
}

/**
 * bpmn-js Modeler with our `jsga` moddle extension, Chinese palette labels and a Chinese properties
 * panel beside (never over) the canvas, so the bpmn.io watermark at the canvas' bottom right stays
 * fully visible as its licence requires.
 */
export const BpmnEditor = forwardRef<BpmnEditorHandle, Props>(function BpmnEditor({ xml, onModifiedChange, height = 'calc(100vh - 250px)' }, ref) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [modeler, setModeler] = useState<Modeler | null>(null);
  const [selected, setSelected] = useState<DiagramElement | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [importing, setImporting] = useState(true);
  const modifiedRef = useRef(false);
  const importedXml = useRef<string | null>(null);
  const onModifiedRef = useRef(onModifiedChange);
  onModifiedRef.current = onModifiedChange;

  const setModified = (m: boolean) => {
    if (modifiedRef.current === m) return;
    modifiedRef.current = m;
    onModifiedRef.current?.(m);
  };

  useEffect(() => {
    const m = new Modeler({
      container: containerRef.current!,
      moddleExtensions: { jsga: jsgaModdle },
      additionalModules: [translateZhModule],
    });
    const bus = m.get<EventBus>('eventBus');
    bus.on('selection.changed', (e) => {
      const sel = e.newSelection ?? [];
      setSelected(sel.length === 1 ? (sel[0].labelTarget ?? sel[0]) : null);
    });
    bus.on('commandStack.changed', (e) => {
      if ((e as { trigger?: string }).trigger !== 'clear') setModified(true);
    });
    setModeler(m);
    return () => m.destroy();
  }, []);

  const doImport = async (m: Modeler, text: string) => {
    setImporting(true);
    try {
      await m.importXML(text);
      importedXml.current = text;
      setImportError(null);
      fitDiagram(m.get<Canvas>('canvas'), PALETTE_WIDTH);
      setSelected(null);
      setModified(false);
    } catch (e) {
      setImportError(e instanceof Error ? e.message : String(e));
      throw e;
    } finally {
      setImporting(false);
    }
  };

  useEffect(() => {
    if (!modeler || xml === importedXml.current) return;
    void doImport(modeler, xml).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modeler, xml]);

  useImperativeHandle(
    ref,
    () => ({
      async getXml({ dropChain = false } = {}) {
        if (!modeler) throw new Error('流程图尚未加载');
        if (dropChain) {
          const root = modeler.get<Canvas>('canvas').getRootElement().businessObject;
          const processes: BusinessObject[] = root.$instanceOf('bpmn:Process')
            ? [root]
            : ((root.get('participants') as BusinessObject[] | undefined) ?? []).map((p) => p.get('processRef') as BusinessObject).filter(Boolean);
          for (const p of processes) {
            const ext = p.extensionElements;
            if (ext?.values) ext.values = ext.values.filter((v) => v.$type !== 'jsga:Chain');
            if (ext && (!ext.values || ext.values.length === 0)) p.extensionElements = undefined;
          }
        }
        const { xml: out } = await modeler.saveXML({ format: true });
        if (!out) throw new Error('无法导出流程图');
        return out;
      },
      async getSvg() {
        if (!modeler) throw new Error('流程图尚未加载');
        return (await modeler.saveSVG()).svg;
      },
      async importXml(text: string) {
        if (!modeler) throw new Error('流程图尚未加载');
        await doImport(modeler, text);
        setModified(true);
      },
      isModified: () => modifiedRef.current,
      markSaved: (saved: string) => {
        importedXml.current = saved;
        setModified(false);
      },
      undo: () => modeler?.get<CommandStack>('commandStack').undo(),
      redo: () => modeler?.get<CommandStack>('commandStack').redo(),
      fit: () => modeler && fitDiagram(modeler.get<Canvas>('canvas'), PALETTE_WIDTH),
      mark(marker: string, elementIds: readonly string[]) {
        if (!modeler) return;
        const canvas = modeler.get<Canvas>('canvas');
        const registry = modeler.get<ElementRegistry>('elementRegistry');
        for (const el of registry.getAll()) canvas.removeMarker(el, marker);
        for (const id of elementIds) if (registry.get(id)) canvas.addMarker(id, marker);
      },
      select(elementId: string) {
        if (!modeler) return false;
        const el = modeler.get<ElementRegistry>('elementRegistry').get(elementId);
        if (!el) return false;
        modeler.get<Selection>('selection').select(el);
        modeler.get<Canvas>('canvas').scrollToElement?.(el);
        return true;
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [modeler],
  );

  return (
    <div style={{ display: 'flex', gap: 12, height, minHeight: 480 }}>
      <div style={{ flex: 1, minWidth: 0, position: 'relative', border: '1px solid #d9d9d9', borderRadius: 4, background: '#fff' }}>
        {importError && (
          <Alert
            type="error"
            showIcon
            message="流程图无法加载"
            description={importError}
            style={{ position: 'absolute', top: 8, left: 80, right: 8, zIndex: 10 }}
          />
        )}
        {importing && (
          <div style={{ position: 'absolute', top: 12, left: '50%', zIndex: 10 }}>
            <Spin />
          </div>
        )}
        <div ref={containerRef} className="jsga-bpmn-canvas" data-testid="bpmn-canvas" style={{ position: 'absolute', inset: 0 }} />
      </div>
      <div style={{ width: 340, flex: 'none', overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 4, padding: 12, background: '#fff' }}>
        {modeler && !importing && !importError ? (
          <PropertiesPanel host={modeler as unknown as DiagramHost} element={selected} />
        ) : (
          <Spin />
        )}
      </div>
    </div>
  );
});
