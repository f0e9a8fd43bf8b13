/**
 * A tiny typed stand-in for class-variance-authority: a base class string plus one class string per option of each
 * variant, with defaults. Option names are checked by TypeScript, so a misspelt variant fails the build, not the look.
 *
 * Classes are not merged: a caller's `className` must add layout (margins, self-alignment), never restyle a property a
 * variant already sets, because Tailwind decides such conflicts by stylesheet order, not by class order.
 */

type VariantConfig = Record<string, Record<string, string>>;

export type VariantProps<C extends VariantConfig> = { [K in keyof C]?: keyof C[K] };

export function variants<C extends VariantConfig>(
  base: string,
  config: C,
  defaults: { [K in keyof C]: keyof C[K] },
): (props?: VariantProps<C> & { className?: string | undefined }) => string {
  return (props) => {
    const picked = Object.keys(config).map((name) => {
      const option = props?.[name] ?? defaults[name];
      return config[name]?.[option as string];
    });
    return cx(base, ...picked, props?.className);
  };
}

/** Joins class names, skipping the empty ones (conditional classes read as `cond && "class"`). */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
