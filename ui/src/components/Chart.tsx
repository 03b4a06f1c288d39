// Chart: a line chart (uPlot, in Plot.tsx). uPlot and the plot's code are about a quarter of the
// console's JavaScript and only the overview, the outcomes and the what-if draw charts, so they
// are loaded on first use, not with the first page; Chart.preload lets a page start that load
// while its data is still on the way.
import { lazyComponent } from '../lib/lazy';
import type { ChartProps } from './Plot';

export type { ChartDot, ChartMarker, ChartPick, ChartProps, ChartRing, ChartSeries } from './Plot';
export { palette } from '../lib/chart';

/** Chart draws the series once the chart's code is there; hover or focus a marker to read its tooltip. */
export const Chart = lazyComponent<ChartProps>(
  () => import('./Plot').then((m) => m.Plot),
  'Drawing the chart…',
  false,
  (props, busy, body) => (
    <figure class="chart" aria-label={props.label} role="group" aria-busy={busy ? 'true' : undefined}>
      {body}
    </figure>
  ),
);
