import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SignedInView } from "@/components/auth/signed-in-view";
import { refFromRouteParams } from "@/lib/azure/operation-ref";
import { tabTitle } from "@/lib/operations/display-name";

interface Props {
  params: Promise<{ kind: string; segments: string[] }>;
}

async function readRef({ params }: Props) {
  const { kind, segments } = await params;
  return refFromRouteParams(kind, segments);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const ref = await readRef(props);
  // The name rows use, never a bare GUID; the page sets the same title once it runs (with the person's label, if any).
  return { title: ref.ok ? tabTitle({ ref: ref.value }) : "Invalid link · opwatch" };
}

/** A link that names no operation is a page that is not there (404); not-found.tsx says what is wrong with it. */
export default async function OperationPermalinkPage(props: Props) {
  const ref = await readRef(props);
  if (!ref.ok) notFound();
  return <SignedInView view={{ name: "operation", operationRef: ref.value }} />;
}
