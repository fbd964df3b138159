import { useEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { jsgaModdle } from './jsga-moddle';
import { fitDiagram, type Canvas, type ElementRegistry, type EventBus } from './services';
import './bpmn-theme.css';

export interface NodeMarkers {
  /** Marker class → element ids, e.g. { 'wf-active': ['step_2'], 'wf-completed': ['start', 'step_1'] }. */
  [marker: string]: readonly string[];
}

/**
 * Read-only diagram (zoom with the wheel, drag to pan) with CSS markers on nodes and flows. The
 * bpmn.io watermark stays visible at the bottom right; nothing is drawn over it.
 */
export function BpmnViewer({ xml, markers, height = 460, onElementClick }: { xml: string; markers?: NodeMarkers; height?: number | string; onElementClick?: (id: string) => void }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<NavigatedViewer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [imported, setImported] = useState(0);
  const clickRef = useRef(onElementClick);
  clickRef.current = onElementClick;

  useEffect(() => {
    const v = new NavigatedViewer({ container: containerRef.current!, moddleExtensions: { jsga: jsgaModdle } });
    v.get<EventBus>('eventBus').on('element.click', (e) => {
      if (e.element) clickRef.current?.(e.element.id);
    });
    setViewer(v);
    return () => v.destroy();
  }, []);

  useEffect(() => {
    if (!viewer) return;
    let cancelled = false;
    setLoading(true);
    viewer
      .importXML(xml)
      .then(() => {
        if (cancelled) return;
        fitDiagram(viewer.get<Canvas>('canvas'), 20);
        setError(null);
        setImported((n) => n + 1);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [viewer, xml]);

  useEffect(() => {
    if (!viewer || imported === 0 || !markers) return;
    const canvas = viewer.get<Canvas>('canvas');
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    const applied: [string, string][] = [];
    for (const [marker, ids] of Object.entries(markers)) {
      for (const id of ids) {
        if (!registry.get(id)) continue;
        canvas.addMarker(id, marker);
        applied.push([id, marker]);
      }
    }
    return () => applied.forEach(([id, marker]) => registry.get(id) && canvas.removeMarker(id, marker));
  }, [viewer, imported, markers]);

  return (
    <div style={{ position: 'relative', height, border: '1px solid #d9d9d9', borderRadius: 4, background: '#fff' }}>
      {error && <Alert type="error" showIcon message="流程图无法显示" description={error} style={{ position: 'absolute', top: 8, left: 8, right: 8, zIndex: 10 }} />}
      {loading && (
        <div style={{ position: 'absolute', top: 12, left: '50%', zIndex: 10 }}>
          <Spin />
        </div>
      )}
      <div ref={containerRef} className="jsga-bpmn-canvas" data-testid="bpmn-viewer" style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
