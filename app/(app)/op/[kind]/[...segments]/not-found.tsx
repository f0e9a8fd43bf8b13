import { BadPermalink } from "@/components/operation/bad-permalink";

/** The 404 of a permalink that names no operation (page.tsx calls notFound()): what is wrong, under the app's header. */
export default function OperationNotFound() {
  return <BadPermalink />;
}
