import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { live } from './live';

/** A fetch whose answers the test releases by hand, recording each call and its signal. */
function manualFetch() {
  const calls: { args: number; signal: AbortSignal; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const fn = (args: number, signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ args, signal, resolve, reject });
    });
  return { fn, calls };
}

function setup(interval = 100) {
  const f = manualFetch();
  const data: string[] = [];
  const errors: unknown[] = [];
  const pending: boolean[] = [];
  const l = live(f.fn, { onData: (d) => data.push(d), onError: (e) => errors.push(e), onPending: (p) => pending.push(p) }, { interval });
  return { ...f, data, errors, pending, l };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('live requests', () => {
  it('sends the first input at once and coalesces a burst into one request for the latest input', async () => {
    const t = setup();
    t.l.schedule(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.calls.map((c) => c.args)).toEqual([1]);
    t.calls[0].resolve('a1');
    await vi.advanceTimersByTimeAsync(0);
    // Twenty input events within the interval become one request, for the last one.
    for (let i = 2; i <= 21; i++) {
      t.l.schedule(i);
      await vi.advanceTimersByTimeAsync(2);
    }
    expect(t.calls.map((c) => c.args)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(100);
    expect(t.calls.map((c) => c.args)).toEqual([1, 21]);
    t.calls[1].resolve('a21');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.data).toEqual(['a1', 'a21']);
    expect(t.pending.at(-1)).toBe(false);
  });

  it('aborts a request whose input moved on and never delivers its answer', async () => {
    const t = setup();
    t.l.schedule(1);
    await vi.advanceTimersByTimeAsync(0);
    t.l.schedule(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(t.calls.map((c) => c.args)).toEqual([1, 2]);
    expect(t.calls[0].signal.aborted).toBe(true);
    expect(t.calls[1].signal.aborted).toBe(false);
    // The stale answer arrives after all: it is dropped; the error of an aborted request too.
    t.calls[0].resolve('stale');
    t.calls[1].resolve('fresh');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.data).toEqual(['fresh']);
    expect(t.errors).toEqual([]);
  });

  it('stays pending while a newer input waits, even when an older answer arrives', async () => {
    const t = setup();
    t.l.schedule(1);
    await vi.advanceTimersByTimeAsync(0);
    t.l.schedule(2);
    t.calls[0].resolve('a1');
    await vi.advanceTimersByTimeAsync(0);
    // a1 is shown (it is the newest answer so far) but input 2 still awaits its own.
    expect(t.data).toEqual(['a1']);
    expect(t.pending.at(-1)).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    t.calls[1].resolve('a2');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.pending.at(-1)).toBe(false);
  });

  it('spaces requests by the time answers take when that is longer than the interval', async () => {
    const t = setup(50);
    t.l.schedule(1);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(300);
    t.calls[0].resolve('slow');
    await vi.advanceTimersByTimeAsync(0);
    t.l.schedule(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.calls).toHaveLength(2); // a quiet spell: sent at once
    t.l.schedule(3);
    await vi.advanceTimersByTimeAsync(100);
    // Not yet: the last answer took 300 ms, so request 2 gets that long before it is replaced.
    expect(t.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(t.calls.map((c) => c.args)).toEqual([1, 2, 3]);
  });

  it('reports errors of the latest request, and cancel aborts everything', async () => {
    const t = setup();
    t.l.schedule(1);
    await vi.advanceTimersByTimeAsync(0);
    t.calls[0].reject(new Error('boom'));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.errors).toHaveLength(1);
    t.l.schedule(2);
    await vi.advanceTimersByTimeAsync(100);
    t.l.schedule(3);
    t.l.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(t.calls.map((c) => c.args)).toEqual([1, 2]);
    expect(t.calls[1].signal.aborted).toBe(true);
    t.calls[1].resolve('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.data).toEqual([]);
    expect(t.pending.at(-1)).toBe(false);
  });
});
