import { useEffect, useState, type RefObject } from 'react';
import { whenNear } from './whenNear';

/** True once the element has come within one screen height of the viewport (and from then on). */
export function useNear(ref: RefObject<Element | null>, enabled = true): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || near || !el) return;
    let live = true;
    void whenNear(el).then(() => live && setNear(true));
    return () => {
      live = false;
    };
  }, [ref, enabled, near]);
  return near;
}
