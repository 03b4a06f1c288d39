// The uPlot line chart behind Chart (Chart.tsx loads this module, and uPlot with it, only when a
// page draws a chart). A line chart for the overview and the what-if, with two kinds of annotation: vertical
// markers (threshold activations) that are real buttons over the plot, so they can be hovered,
// focused from the keyboard and read by screen readers, each with a tooltip; and rings around
// points (anomalies). The chart keeps its uPlot instance across data changes and follows its
// container's width. uPlot positions its elements through the CSSOM (element.style), which the
// console's CSP allows; nothing writes a style attribute. Times are written as everywhere else
// (lib/chart.ts: 24-hour, to the minute or the date). With onPick a click on the plot picks the
// point nearest to it; with onZoom dragging across the plot picks a range.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { axisTimeLabels, formatChartTime, isolatedPoints, palette, timeResolution } from '../lib/chart';

export interface ChartSeries {
  label: string;
  /** Dashed, for a "proposed" line next to the "now" line. */
  dashed?: boolean;
  color?: string;
}

export interface ChartMarker {
  id: string;
  x: number;
  /** Short text on the marker's tooltip, one line each. */
  lines: string[];
  /** The accessible name of the marker's button. */
  label: string;
  color?: string;
}

export interface ChartRing {
  x: number;
  y: number | null;
  series: number;
  label: string;
}

/** A point marked on the plot by itself (e.g. the now and proposed points of a frontier). */
export interface ChartDot {
  x: number;
  y: number | null;
  color: string;
  /** Filled disc, or a ring. */
  filled?: boolean;
  label: string;
}

export interface ChartProps {
  /** Accessible name of the chart figure. */
  label: string;
  xs: number[];
  ys: (number | null)[][];
  series: ChartSeries[];
  /** x is Unix seconds (a time axis) unless false. */
  time?: boolean;
  yLabel: string;
  /** Formats a y value for the legend and axis. */
  yFormat?: (v: number) => string;
  markers?: ChartMarker[];
  rings?: ChartRing[];
  dots?: ChartDot[];
  /** Label and value format of a numeric (not time) x axis. */
  xLabel?: string;
  xFormat?: (v: number) => string;
  height?: number;
  /** The x range to show (e.g. the whole requested time range), else the data's. */
  xRange?: [number, number];
  /** The IANA time zone the time axis is written in (default UTC). */
  timeZone?: string;
  /** Called with a marker's id when its button is pressed. */
  onMarker?: (id: string) => void;
  /** Called when the plot is clicked, with the point nearest to the click. */
  onPick?: (p: ChartPick) => void;
  /** Called with the x range (in x values, lo < hi) dragged across the plot. */
  onZoom?: (lo: number, hi: number) => void;
}

/** A point of the chart picked by a click: its index in xs and the series it belongs to. */
export interface ChartPick {
  index: number;
  x: number;
  series: number;
}

/** Plot draws the series; hover or focus a marker to read its tooltip. */
export function Plot(props: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = useRef('');
  const annotations = useRef<Annotations>({ markers: [], rings: [], dots: [] });
  annotations.current = { markers: props.markers ?? [], rings: props.rings ?? [], dots: props.dots ?? [] };
  const onMarker = useRef(props.onMarker);
  onMarker.current = props.onMarker;
  const onPick = useRef(props.onPick);
  onPick.current = props.onPick;
  const onZoom = useRef(props.onZoom);
  onZoom.current = props.onZoom;
  const fmt = props.yFormat ?? ((v: number) => v.toFixed(1));

  // (Re)build when the series change; otherwise only the data changes.
  const xRange = useRef(props.xRange);
  xRange.current = props.xRange;
  const time = props.time !== false;
  const tz = props.timeZone ?? 'UTC';
  const resolution = time ? timeResolution(props.xs, tz) : 'minute';
  const seriesKey = JSON.stringify([props.series, time, props.yLabel, props.xLabel, props.height, tz, resolution, !!props.onPick, !!props.onZoom]);
  const xFmt = props.xFormat;
  const xValue = (v: number) => (time ? formatChartTime(v, resolution, tz) : xFmt ? xFmt(v) : String(v));
  // Drawn as the page is laid out, in the same frame, not one frame later.
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const data = [props.xs, ...props.ys] as uPlot.AlignedData;
    if (plot.current && shape.current === seriesKey) {
      plot.current.setData(data);
      layoutMarkers(plot.current, annotations.current.markers);
      return;
    }
    plot.current?.destroy();
    shape.current = seriesKey;
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height: props.height ?? 300,
      // Room on the right for the last time label, which is centred on its tick.
      padding: [null, time ? 36 : null, null, null],
      scales: {
        x: {
          time: props.time !== false,
          range: (_u, lo, hi) => (xRange.current ? [Math.min(lo, xRange.current[0]), Math.max(hi, xRange.current[1])] : [lo, hi]),
        },
      },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), tz),
      axes: [
        time
          ? { space: 70, values: (_u, vals, _axis, _space, incr) => axisTimeLabels(vals, incr, tz) }
          : props.xLabel || xFmt
            ? { label: props.xLabel, values: (_u, vals) => vals.map((v) => (v == null ? '' : xValue(v))) }
            : {},
        { label: props.yLabel, values: (_u, vals) => vals.map((v) => (v == null ? '' : fmt(v))), size: 60 }],
      series: [
        { label: time ? 'time' : (props.xLabel ?? 'x'), value: (_u: uPlot, v: number | null) => (v == null ? '–' : xValue(v)) },
        ...props.series.map((s, i) => ({
          label: s.label,
          stroke: s.color ?? palette[i % palette.length],
          width: 2,
          dash: s.dashed ? [6, 4] : undefined,
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => (v == null ? '–' : fmt(v)),
          points: { show: props.xs.length < 60, filter: (u: uPlot, si: number, show: boolean) => (show ? null : isolatedPoints(u.data[si])) },
        })),
      ],
      cursor: { drag: { x: !!props.onZoom, y: false, setScale: false } },
      hooks: {
        draw: [(u) => drawAnnotations(u, annotations.current)],
        setSelect: [
          (u) => {
            const { left, width } = u.select;
            if (width < 4) return;
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            onZoom.current?.(u.posToVal(left, 'x'), u.posToVal(left + width, 'x'));
          },
        ],
        setSize: [(u) => layoutMarkers(u, annotations.current.markers)],
        setScale: [(u) => layoutMarkers(u, annotations.current.markers)],
      },
    };
    const u = new uPlot(opts, data, el);
    plot.current = u;
    // On the plot's wrapper, not the plot: points at 0 % sit on the plot's lower edge, and half
    // of them lies outside it.
    u.over.parentElement!.addEventListener('click', (e) => {
      const btn = (e.target as HTMLElement).closest<HTMLButtonElement>('button.marker');
      if (btn?.dataset.id) onMarker.current?.(btn.dataset.id);
      else if (onPick.current) {
        const p = pickAt(u, e);
        if (p) onPick.current(p);
      }
    });
    layoutMarkers(u, annotations.current.markers);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the data effect below keeps it current
  }, [seriesKey, props.xs, props.ys]);

  // Markers and rings change without new data (e.g. when the activations arrive later).
  const annotationKey = JSON.stringify([props.markers, props.rings, props.dots]);
  useEffect(() => {
    if (!plot.current) return;
    layoutMarkers(plot.current, annotations.current.markers);
    plot.current.redraw(false, false);
  }, [annotationKey]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      const u = plot.current;
      if (u && el.clientWidth > 0 && Math.abs(u.width - el.clientWidth) > 2) u.setSize({ width: Math.max(320, el.clientWidth), height: u.height });
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.current?.destroy();
      plot.current = null;
      shape.current = '';
    };
  }, []);

  return (
    <figure class="chart" aria-label={props.label} role="group">
      <div ref={host} class="chart-host" />
    </figure>
  );
}

/** How far (CSS pixels, left or right) a click may be from the point it picks. */
const pickReach = 24;
/** How far outside the plot a click may be and still pick (half a point's ring). */
const pickSlack = 8;

/**
 * pickAt is the point a click on the plot means: of the points with a value within pickReach
 * to the left or right of the click, in any shown series, the one drawn nearest to it.
 */
function pickAt(u: uPlot, e: MouseEvent): ChartPick | null {
  const rect = u.over.getBoundingClientRect();
  const left = e.clientX - rect.left;
  const top = e.clientY - rect.top;
  if (left < -pickSlack || left > rect.width + pickSlack || top < -pickSlack || top > rect.height + pickSlack) return null;
  const xs = u.data[0];
  let best: ChartPick | null = null;
  let bestD = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const dx = u.valToPos(xs[i], 'x') - left;
    if (Math.abs(dx) > pickReach) continue;
    for (let s = 1; s < u.data.length; s++) {
      const v = u.data[s][i];
      if (v == null || !u.series[s].show) continue;
      const d = Math.hypot(dx, u.valToPos(v, 'y') - top);
      if (d < bestD) {
        bestD = d;
        best = { index: i, x: xs[i], series: s - 1 };
      }
    }
  }
  return best;
}

interface Annotations {
  markers: ChartMarker[];
  rings: ChartRing[];
  dots: ChartDot[];
}

/** drawAnnotations draws the markers' lines and the rings on the canvas. */
function drawAnnotations(u: uPlot, a: Annotations) {
  const ctx = u.ctx;
  const { top, height } = u.bbox;
  const dpr = uPlot.pxRatio;
  ctx.save();
  for (const m of a.markers) {
    const x = Math.round(u.valToPos(m.x, 'x', true));
    if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
    ctx.strokeStyle = m.color ?? '#111827';
    ctx.lineWidth = 1.5 * dpr;
    ctx.setLineDash([4 * dpr, 3 * dpr]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const r of a.rings) {
    if (r.y === null) continue;
    const x = u.valToPos(r.x, 'x', true);
    const y = u.valToPos(r.y, 'y', true);
    ctx.strokeStyle = '#c62828';
    ctx.lineWidth = 2.5 * dpr;
    ctx.beginPath();
    ctx.arc(x, y, 8 * dpr, 0, 2 * Math.PI);
    ctx.stroke();
  }
  for (const d of a.dots) {
    if (d.y === null) continue;
    const x = u.valToPos(d.x, 'x', true);
    const y = u.valToPos(d.y, 'y', true);
    ctx.beginPath();
    ctx.arc(x, y, 6 * dpr, 0, 2 * Math.PI);
    ctx.lineWidth = 3 * dpr;
    ctx.strokeStyle = d.color;
    ctx.fillStyle = d.filled ? d.color : '#ffffff';
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * layoutMarkers keeps one button per marker at the top of the plot area (u.over), positioned at
 * its x, with a tooltip shown on hover and on focus.
 */
function layoutMarkers(u: uPlot, markers: ChartMarker[]) {
  const over = u.over;
  let layer = over.querySelector<HTMLDivElement>(':scope > .markers');
  if (!layer) {
    layer = document.createElement('div');
    layer.className = 'markers';
    over.appendChild(layer);
  }
  const width = u.bbox.width / uPlot.pxRatio;
  const ids = new Set(markers.map((m) => m.id));
  for (const b of [...layer.querySelectorAll<HTMLButtonElement>('button.marker')]) {
    if (!ids.has(b.dataset.id ?? '')) b.parentElement?.remove();
  }
  for (const m of markers) {
    let wrap = layer.querySelector<HTMLDivElement>(`:scope > [data-id="${CSS.escape(m.id)}"]`);
    if (!wrap) {
      wrap = document.createElement('div');
      wrap.className = 'marker-wrap';
      wrap.dataset.id = m.id;
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'marker';
      btn.dataset.id = m.id;
      const tip = document.createElement('div');
      tip.className = 'marker-tip';
      tip.setAttribute('role', 'tooltip');
      tip.id = `marker-tip-${m.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      btn.setAttribute('aria-describedby', tip.id);
      wrap.append(btn, tip);
      layer.appendChild(wrap);
    }
    const btn = wrap.querySelector<HTMLButtonElement>('button.marker')!;
    const tip = wrap.querySelector<HTMLDivElement>('.marker-tip')!;
    btn.setAttribute('aria-label', m.label);
    tip.replaceChildren(...m.lines.map((l) => Object.assign(document.createElement('div'), { textContent: l })));
    const left = u.valToPos(m.x, 'x');
    wrap.hidden = !(left >= 0 && left <= width);
    wrap.style.left = `${left}px`;
    wrap.classList.toggle('flip', left > width / 2);
  }
}
