import type { ComponentPropsWithRef } from "react";
import { focusRing } from "./focus-ring";
import { variants } from "./variants";

/** One class string per look; `Button` below is the only user. Variants are the ones the app uses, no more. */
const buttonClass = variants(
  `rounded disabled:opacity-50 ${focusRing}`,
  {
    variant: {
      /** The main action of a view: Share, Watch, Sign in. */
      primary: "border border-blue-700 bg-blue-700 font-medium text-white hover:bg-blue-800 dark:border-blue-600 dark:bg-blue-600 dark:hover:bg-blue-700",
      /** A second, still prominent action next to a primary one: Add to watch list. */
      secondary: "border border-blue-700 font-medium text-blue-800 hover:bg-blue-50 dark:border-blue-400 dark:text-blue-200 dark:hover:bg-blue-950",
      /** Everyday tools: Copy, Expand all, Sign out. */
      outline: "border border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800",
      /** On an amber (warning) surface: its text colour comes from the surface. */
      warning: "border border-amber-600 hover:bg-amber-100 dark:hover:bg-amber-900",
      /** No frame, on a tinted surface: a notice's ✕. */
      ghost: "hover:bg-black/10 dark:hover:bg-white/10",
      /** A quiet everyday action in a row of many (Label): grey until hovered. */
      quiet: "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100",
      /** A quiet destructive action (Remove): grey until hovered, then red, so a row of them does not shout. */
      danger: "text-slate-600 hover:bg-slate-100 hover:text-red-700 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-red-300",
    },
    size: {
      xs: "px-2 py-0.5 text-xs",
      sm: "px-2 py-0.5 text-sm",
      md: "px-3 py-1 text-sm",
      lg: "px-4 py-2",
      icon: "px-1",
    },
  },
  { variant: "outline", size: "xs" },
);

/** The variant props, read off `buttonClass` so the option names are written once. */
type ButtonVariants = Pick<NonNullable<Parameters<typeof buttonClass>[0]>, "variant" | "size">;

export type ButtonProps = ComponentPropsWithRef<"button"> & ButtonVariants;

/**
 * The app's buttons. `type` defaults to "button" (a bare <button> inside a form submits it, which nobody wants by
 * accident); everything else, including aria-* and data-* attributes, passes through to the <button>.
 */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
