import { READ_ERROR_COLORS } from "@/components/ui/status-colors";
import type { EndpointProblem } from "@/lib/discovery/discovery-types";

type Lasting = Exclude<EndpointProblem, { kind: "throttled" }>;

const code = (problem: { httpStatus: number; code: string }) => [problem.httpStatus > 0 ? String(problem.httpStatus) : "", problem.code].filter(Boolean).join(" ");

/** What happened and what the person can do, for each way an endpoint's lists cannot be read. */
function sentences(problem: Lasting, host: string): { what: string; todo: string; detail: string | undefined } {
  switch (problem.kind) {
    case "refused":
      return {
        what: `This opwatch server does not read DevCenter endpoint ${host}: it is not in DEVCENTER_ALLOWED_HOSTS.`,
        todo: "Ask whoever runs opwatch to add it, or remove this endpoint.",
        detail: problem.message,
      };
    case "forbidden":
      return {
        what: "DevCenter did not let you read this dev center's lists.",
        todo: "Check that you are a Dev Box User of a project in it (the project's Access control in the Azure portal), or ask its admin.",
        detail: `${code(problem)}: ${problem.message}`,
      };
    case "signIn":
      return { what: "opwatch needs you to sign in again to read this dev center.", todo: "Sign out and in again.", detail: problem.message };
    case "failed":
      return {
        what: "The last look at this endpoint failed; what was read before stays shown.",
        todo: "opwatch keeps looking; Look now tries again at once.",
        detail: `${code(problem)}: ${problem.message}`,
      };
  }
}

export function EndpointProblemNotice({ problem, host }: { problem: Lasting; host: string }) {
  const { what, todo, detail } = sentences(problem, host);
  return (
    <div data-testid="dev-boxes-problem" data-problem={problem.kind} className={`rounded border-l-4 px-3 py-2 text-sm break-words ${READ_ERROR_COLORS.box}`}>
      <p className={READ_ERROR_COLORS.message}>
        {what} {todo}
      </p>
      {detail ? <p className={`text-xs ${READ_ERROR_COLORS.detail}`}>{detail}</p> : null}
    </div>
  );
}

export const isLasting = (problem: EndpointProblem | undefined): problem is Lasting => problem !== undefined && problem.kind !== "throttled";
