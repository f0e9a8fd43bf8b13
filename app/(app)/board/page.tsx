import type { Metadata } from "next";
import { SignedInView } from "@/components/auth/signed-in-view";

export const metadata: Metadata = { title: "Shared board · opwatch" };

/** A shared board: its operations travel in the fragment, which only the browser sees (components/board/board-view.tsx). */
export default function BoardPage() {
  return <SignedInView view={{ name: "board" }} />;
}
