/** Canvas marks for large traces (client only): the renderer redraws on layout, size or theme change. */
import { useEffect, useRef } from 'react';
import type { TimelineLayout } from '../../timeline/layout';
import { createCanvasRenderer, type CanvasRenderer } from '../../timeline/canvasRenderer';
import { GridLines } from '../../timeline/Axis';
import { formatCount } from '../../timeline/scale';

export function CanvasMarks({ layout }: { layout: TimelineLayout }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<CanvasRenderer | null>(null);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const renderer = createCanvasRenderer(canvas);
    rendererRef.current = renderer;
    const draw = () =>
      renderer.update(layoutRef.current, 0, {
        width: canvas.clientWidth || canvas.parentElement?.clientWidth || 600,
        height: layoutRef.current.height,
        dpr: window.devicePixelRatio || 1,
      });
    draw();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(draw) : null;
    ro?.observe(canvas);
    return () => {
      ro?.disconnect();
      renderer.destroy();
      rendererRef.current = null;
    };
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const renderer = rendererRef.current;
    if (!canvas || !renderer) return;
    renderer.update(layout, 0, { width: canvas.clientWidth || 600, height: layout.height, dpr: window.devicePixelRatio || 1 });
  }, [layout]);

  return (
    <>
      <svg className="tl-marks tl-marks--grid" width="100%" height={layout.height} aria-hidden="true" focusable="false">
        <GridLines domainMs={layout.domainMs} height={layout.height} />
      </svg>
      <canvas
        ref={canvasRef}
        className="tl-canvas"
        style={{ height: layout.height }}
        role="img"
        aria-label={`${formatCount(layout.spanCount)} spans in ${formatCount(layout.laneCount)} lanes; hover for details, or use the event log`}
      />
    </>
  );
}
