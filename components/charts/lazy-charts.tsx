"use client";

import dynamic from "next/dynamic";

/** recharts is large: the first paint never waits for it. */
const placeholder = () => (
  <div className="flex h-32 items-center justify-center text-xs text-slate-600 dark:text-slate-400">Loading chart…</div>
);

export const LazyTimelineChart = dynamic(() => import("./timeline-chart"), { ssr: false, loading: placeholder });
export const LazyProgressChart = dynamic(() => import("./progress-chart"), { ssr: false, loading: placeholder });
