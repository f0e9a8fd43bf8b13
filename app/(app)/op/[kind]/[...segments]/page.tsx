import type { Metadata } from "next";
import { SignedInView } from "@/components/auth/signed-in-view";
import { BadPermalink } from "@/components/operation/bad-permalink";
import { refFromSegments } from "@/lib/azure/operation-ref";
import { tabTitle } from "@/lib/operations/display-name";

interface Props {
  params: Promise<{ kind: string; segments: string[] }>;
}

/** Segments arrive percent-encoded or not depending on the router path; valid values never contain `%` either way. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function readRef({ params }: Props) {
  const { kind, segments } = await params;
  return refFromSegments(decode(kind), segments.map(decode));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const ref = await readRef(props);
  // The name rows use, never a bare GUID; the page sets the same title once it runs (with the person's label, if any).
  return { title: ref.ok ? tabTitle({ ref: ref.value }) : "Invalid link · opwatch" };
}

export default async function OperationPermalinkPage(props: Props) {
  const ref = await readRef(props);
  if (!ref.ok) return <BadPermalink message={`This link is not valid: ${ref.error.message}.`} />;
  return <SignedInView view={{ name: "operation", operationRef: ref.value }} />;
}
