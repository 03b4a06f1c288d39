// Parts of pages that load their code when first shown, so that the first load's JavaScript
// stays within issue 16's budget (80 kB gzip).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox, Progress } from '../components/common';

/**
 * lazyComponent returns a component that loads its module on first render (once for all its
 * uses), shows progress meanwhile, and then renders the loaded component with the same props.
 * For a whole page (page true), the heading takes the focus once it shows, as the shell gives it
 * after every in-app navigation (the shell looked for it while the code was still loading).
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, label: string, page = false): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<{ c: ComponentType<P> } | null>(loaded && { c: loaded });
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      if (component) return;
      pending ??= load();
      pending.then(
        (c) => {
          loaded = c;
          setComponent({ c });
        },
        (e) => {
          pending = null; // the next render tries again
          setError(e);
        },
      );
      // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
    }, []);
    useEffect(() => {
      const active = document.activeElement;
      // Only after an in-app navigation: focus is then still on the link that was followed.
      if (page && component && active && active !== document.body && !document.querySelector('main')?.contains(active)) {
        document.querySelector<HTMLElement>('main h1')?.focus();
      }
    }, [component]);
    if (error !== null) return <ErrorBox error={error} title="Could not load this part of the page" />;
    if (!component) return <Progress label={label} />;
    const C = component.c;
    return <C {...props} />;
  };
}
