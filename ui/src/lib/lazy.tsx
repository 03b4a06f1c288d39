// Parts of pages that load their code when first shown, so that the first load's JavaScript
// stays within issue 16's budget (80 kB gzip).
import type { ComponentChildren, ComponentType, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox, Progress } from '../components/common';

/** A component whose code loads on first use; preload starts that load before. */
export type Lazy<P> = ComponentType<P> & { preload: () => Promise<ComponentType<P>> };

/**
 * lazyComponent returns a component that loads its module on first render (once for all its
 * uses), shows progress meanwhile, and then renders the loaded component with the same props.
 * For a whole page (page true), the heading takes the focus once it shows, as the shell gives it
 * after every in-app navigation (the shell looked for it while the code was still loading). frame,
 * when given, wraps the progress or the load's error (a chart keeps its figure and label).
 * preload starts the load early (a page whose data is on the way), so that the component draws
 * in the same render as its data.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  label: string,
  page = false,
  frame?: (props: P, busy: boolean, children: ComponentChildren) => VNode,
): Lazy<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = null; // the next render tries again
        throw e;
      },
    ));
  function Lazy(props: P) {
    const [component, setComponent] = useState<{ c: ComponentType<P> } | null>(loaded && { c: loaded });
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      if (component) return;
      preload().then((c) => setComponent({ c }), setError);
      // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
    }, []);
    useEffect(() => {
      const active = document.activeElement;
      // Only after an in-app navigation: focus is then still on the link that was followed.
      if (page && component && active && active !== document.body && !document.querySelector('main')?.contains(active)) {
        document.querySelector<HTMLElement>('main h1')?.focus();
      }
    }, [component]);
    if (component) {
      const C = component.c;
      return <C {...props} />;
    }
    const body = error !== null ? <ErrorBox error={error} title="Could not load this part of the page" /> : <Progress label={label} />;
    return frame ? frame(props, error === null, body) : body;
  }
  return Object.assign(Lazy, { preload });
}
