import type { StatusCategory } from "@/lib/operations/model";

/** Mid-tone colours readable on both the light and the dark background. */
export const CATEGORY_COLORS: Record<StatusCategory, string> = {
  notStarted: "#94a3b8",
  running: "#3b82f6",
  unknown: "#60a5fa",
  succeeded: "#16a34a",
  failed: "#dc2626",
  canceled: "#d97706",
};
