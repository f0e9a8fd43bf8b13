import { Fragment } from "react";

/**
 * Where an error code may wrap: where a new word starts in its PascalCase or camelCase ("Organization|Onboarding|
 * Failed", "HTTP|Request"), and after a separator ("Microsoft.|Security/|…", "QUOTA_|EXCEEDED"). Joined, the parts
 * are the code.
 */
export function codeWords(code: string): string[] {
  return code.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[._\-/:])(?=[^._\-/:])/);
}

/**
 * A code that a narrow screen wraps between its words rather than inside one: <wbr> offers the breaks, and adds no
 * character to what is copied, selected or read aloud.
 */
export function CodeWords({ code }: { code: string }) {
  return codeWords(code).map((word, i) => (
    // The parts of one code never change order: the index is their identity.
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {word}
    </Fragment>
  ));
}
