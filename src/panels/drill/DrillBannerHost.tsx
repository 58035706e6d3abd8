/** The failure-drill banner, loaded the first time a drill is on (most visits never start one). */
import { Suspense } from 'react';
import { hasFailures } from '../../engine/traffic/failures.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { lazyNamed } from '../lazy.tsx';

const DrillBanner = lazyNamed(() => import('./DrillBanner.tsx').then((m) => m.DrillBanner));

export function DrillBannerHost() {
  const on = useDesignStore((s) => hasFailures(s.design.failures));
  return on ? (
    <Suspense fallback={null}>
      <DrillBanner />
    </Suspense>
  ) : null;
}
