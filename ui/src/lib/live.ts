// Requests that follow an input as it moves (a slider dragged across its range): the what-if
// and the sensitivity curve. Moving a slider asks for a new answer on every input event, dozens
// a second; live coalesces them so that the server sees at most one request per interval, always
// for the latest input, aborts a request whose input has since moved on (its answer would be
// stale), and never delivers an answer older than one already delivered. Input handlers only
// call schedule, which returns at once, so typing and dragging are never blocked.

export interface LiveOptions {
  /** The shortest time between two requests, in ms. */
  interval: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

export interface LiveHandlers<T> {
  onData: (data: T) => void;
  onError: (error: unknown) => void;
  /** Told true when an input awaits its answer, false when the latest answer arrived. */
  onPending?: (pending: boolean) => void;
}

export interface Live<A> {
  /** Asks for an answer for args, replacing any input not yet sent. */
  schedule(args: A): void;
  /** Drops the input not yet sent and aborts the request in flight. */
  cancel(): void;
}

/**
 * live runs fetch(args, signal) for the latest args passed to schedule. The first input after a
 * quiet spell is sent at once; inputs that follow within interval (or within the time the last
 * answer took, when that is longer, so that slow answers are not aborted before they can arrive)
 * are coalesced into one request for the last of them, sent when that time is up. Starting a
 * request aborts the one in flight.
 */
export function live<A, T>(fetch: (args: A, signal: AbortSignal) => Promise<T>, handlers: LiveHandlers<T>, opts: LiveOptions): Live<A> {
  const now = opts.now ?? (() => Date.now());
  let waiting: { args: A } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inflight: AbortController | null = null;
  let lastStart = -Infinity;
  // How long the last answered request took; the spacing grows to it.
  let lastDuration = 0;
  let seq = 0;

  const setPending = (p: boolean) => handlers.onPending?.(p);

  const fire = () => {
    timer = null;
    if (!waiting) return;
    const { args } = waiting;
    waiting = null;
    inflight?.abort();
    const ctl = new AbortController();
    inflight = ctl;
    const mine = ++seq;
    const started = now();
    lastStart = started;
    fetch(args, ctl.signal).then(
      (data) => {
        if (mine !== seq || ctl.signal.aborted) return;
        inflight = null;
        lastDuration = now() - started;
        if (!waiting) setPending(false);
        handlers.onData(data);
      },
      (error) => {
        if (mine !== seq || ctl.signal.aborted) return;
        inflight = null;
        if (!waiting) setPending(false);
        handlers.onError(error);
      },
    );
  };

  return {
    schedule(args: A) {
      waiting = { args };
      setPending(true);
      if (timer !== null) return;
      const spacing = Math.max(opts.interval, lastDuration);
      timer = setTimeout(fire, Math.max(0, lastStart + spacing - now()));
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      waiting = null;
      seq++;
      inflight?.abort();
      inflight = null;
      setPending(false);
    },
  };
}
