import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { createTimelineStore } from '../../store/timelineStore';
import { threadsTwo } from '../../timeline/testing/traces';
import { markGesture, SETTLE_MS, useGestureActive } from './gestureSignal';

function storeOf() {
  const traces = [threadsTwo()];
  return createTimelineStore({ models: traces.map((t) => t.model), traces });
}

describe('useGestureActive', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is on from a gesture step until the window has stayed still for SETTLE_MS', () => {
    const store = storeOf();
    const noFocus = () => false;
    const { result } = renderHook(() => useGestureActive(store, true, noFocus));
    expect(result.current).toBe(false);
    act(() => {
      markGesture(store);
      store.getState().zoomBy(2);
    });
    expect(result.current).toBe(true);
    // A window change short of the settling time keeps the gesture on.
    act(() => vi.advanceTimersByTime(SETTLE_MS - 20));
    act(() => store.getState().panBy(0.1));
    act(() => vi.advanceTimersByTime(SETTLE_MS - 20));
    expect(result.current).toBe(true);
    act(() => vi.advanceTimersByTime(40));
    expect(result.current).toBe(false);
  });

  it('stays off when disabled, and when the focus is on the marks as the gesture starts', () => {
    const store = storeOf();
    const off = renderHook(() => useGestureActive(store, false, () => false));
    const focused = () => true;
    const held = renderHook(() => useGestureActive(store, true, focused));
    act(() => {
      markGesture(store);
      store.getState().zoomBy(2);
    });
    expect(off.result.current).toBe(false);
    expect(held.result.current).toBe(false);
  });

  it('a window change that is not a gesture (a button, a key) leaves it off', () => {
    const store = storeOf();
    const noFocus = () => false;
    const { result } = renderHook(() => useGestureActive(store, true, noFocus));
    act(() => store.getState().zoomBy(2));
    expect(result.current).toBe(false);
  });
});
