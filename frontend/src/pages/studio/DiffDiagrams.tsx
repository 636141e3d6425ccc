// The two versions of a process drawn side by side with bpmn-js's viewer (loaded only when a diff is
// shown): on the earlier one the removed and changed elements are marked, on the later one the added
// and changed ones, each with a badge that says what happened (not colour alone).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../openapi';

type ModelChange = components['schemas']['ModelChange'];

interface Viewer {
  importXML(xml: string): Promise<unknown>;
  get<T = unknown>(name: string): T;
  destroy(): void;
}

/** One version's diagram, with the given changes marked. */
function Diagram({ xml, changes, label }: { xml: string; changes: ModelChange[]; label: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let viewer: Viewer | undefined;
    let cancelled = false;
    (async () => {
      const { default: NavigatedViewer } = await import('bpmn-js/lib/NavigatedViewer');
      if (cancelled || !container.current) return;
      viewer = new NavigatedViewer({ container: container.current }) as unknown as Viewer;
      await viewer.importXML(xml);
      const canvas = viewer.get<{ addMarker(id: string, m: string): void; zoom(z: string): void }>('canvas');
      const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
      const overlays = viewer.get<{
        add(id: string, type: string, o: { position: { top: number; left: number }; html: HTMLElement }): void;
      }>('overlays');
      canvas.zoom('fit-viewport');
      for (const change of changes) {
        if (!registry.get(change.elementId)) continue;
        canvas.addMarker(change.elementId, `studio-diff-${change.change.toLowerCase()}`);
        const badge = document.createElement('span');
        badge.className = `studio-diff-badge studio-diff-badge-${change.change.toLowerCase()}`;
        badge.textContent = t(`studio.diff.change.${change.change}`);
        overlays.add(change.elementId, 'studio-diff', { position: { top: -12, left: 0 }, html: badge });
      }
      container.current.dataset.marked = changes
        .filter((c) => registry.get(c.elementId))
        .map((c) => c.elementId)
        .join(' ');
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      viewer?.destroy();
    };
  }, [xml, changes, t]);

  return (
    <figure className="studio-diff-figure">
      <figcaption className="small fw-semibold">{label}</figcaption>
      <div ref={container} className="studio-diff-canvas" data-testid="studio-diff-canvas" />
    </figure>
  );
}

export function DiffDiagrams({
  before,
  after,
  changes,
  beforeLabel,
  afterLabel,
}: {
  before?: string | null;
  after: string;
  changes: ModelChange[];
  beforeLabel: string;
  afterLabel: string;
}) {
  return (
    <div className="studio-diff-diagrams">
      {before && <Diagram xml={before} label={beforeLabel} changes={changes.filter((c) => c.change !== 'ADDED')} />}
      <Diagram xml={after} label={afterLabel} changes={changes.filter((c) => c.change !== 'REMOVED')} />
    </div>
  );
}
