// Chart: a line chart (uPlot, in Plot.tsx). uPlot and the plot's code are about a quarter of the
// console's JavaScript and only the overview, the outcomes and the what-if draw charts, so they
// are loaded on first use, not with the first page; loadChart lets a page start that load while
// its data is still on the way.
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox, Progress } from './common';
import type { ChartProps } from './Plot';

export type { ChartDot, ChartMarker, ChartPick, ChartProps, ChartRing, ChartSeries } from './Plot';
export { palette } from '../lib/chart';

type PlotModule = typeof import('./Plot');

let loaded: PlotModule | null = null;
let loading: Promise<PlotModule> | null = null;

/** loadChart loads the chart's code (once); pages call it early so that it arrives with their data. */
export function loadChart(): Promise<PlotModule> {
  loading ??= import('./Plot').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = null; // try again on the next chart
      throw e;
    },
  );
  return loading;
}

/** Chart draws the series once the chart's code is there; hover or focus a marker to read its tooltip. */
export function Chart(props: ChartProps) {
  const [mod, setMod] = useState<PlotModule | null>(loaded);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (mod) return;
    let live = true;
    loadChart().then(
      (m) => live && setMod(m),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, []);
  if (mod) return <mod.Plot {...props} />;
  return (
    <figure class="chart" aria-label={props.label} role="group" aria-busy={error ? undefined : 'true'}>
      {error ? <ErrorBox error={error} title="Could not load the chart" /> : <Progress label="Drawing the chart…" />}
    </figure>
  );
}
